-- 0301 (PostgreSQL): each token's drawdown breaker limit and where it came from; same columns and scales as the SQLite
-- migration (fractions and the multiple at scale 6, BIGINT; window dates DATE; NULL until derived for older tokens).
ALTER TABLE token_backings ADD COLUMN breaker_limit BIGINT NULL;
ALTER TABLE token_backings ADD COLUMN breaker_source TEXT NULL;
ALTER TABLE token_backings ADD COLUMN breaker_backtest_drawdown BIGINT NULL;
ALTER TABLE token_backings ADD COLUMN breaker_window_from DATE NULL;
ALTER TABLE token_backings ADD COLUMN breaker_window_to DATE NULL;
ALTER TABLE token_backings ADD COLUMN breaker_multiple BIGINT NULL;
ALTER TABLE token_backings ADD COLUMN breaker_floor BIGINT NULL;
ALTER TABLE token_backings ADD COLUMN breaker_cap BIGINT NULL;
-- The breaker measures from the day a token went live (its promotion), not from its paper proving.
UPDATE token_backings SET breaker_reference = (
    SELECT MAX(e.date) FROM token_lifecycle_events e
    WHERE e.symbol = token_backings.symbol AND e.from_status = 'Proving' AND e.to_status = 'Active')
WHERE breaker_reference = inception AND EXISTS (
    SELECT 1 FROM token_lifecycle_events e
    WHERE e.symbol = token_backings.symbol AND e.from_status = 'Proving' AND e.to_status = 'Active');
