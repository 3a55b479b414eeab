-- 0410: idempotency records expire after the idempotency window (Arena:IdempotencyWindowMinutes); the store finds
-- and deletes expired rows by their creation instant.
CREATE INDEX IF NOT EXISTS idempotency_keys_created ON idempotency_keys (created_at);
