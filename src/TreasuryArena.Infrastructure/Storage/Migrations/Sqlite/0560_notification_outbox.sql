-- 0560: the notification outbox (issue 22). Every notification row (0400's notifications) gets one delivery row per
-- recipient channel, written in the same transaction; a background deliverer sends due deliveries and records each
-- attempt. status: pending (not tried yet), failed (last attempt failed, retried at next_attempt_at), delivered,
-- expired (given up: its expiry passed before a delivery succeeded). recipient is 'operator' (the Notifications
-- section's channels) or an organisation id (its own settings). lease_until/lease_owner let one process of a cluster
-- claim a delivery. Instants are UTC ticks. Organisation settings: kinds and email_to are JSON arrays of strings.
CREATE TABLE IF NOT EXISTS notification_deliveries (
    id TEXT PRIMARY KEY,
    notification_id TEXT NOT NULL,
    recipient TEXT NOT NULL,
    channel TEXT NOT NULL,
    target TEXT NOT NULL,
    status TEXT NOT NULL,
    attempts BIGINT NOT NULL,
    last_error TEXT NULL,
    created_at BIGINT NOT NULL,
    next_attempt_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    delivered_at BIGINT NULL,
    lease_until BIGINT NULL,
    lease_owner TEXT NULL
);
CREATE INDEX IF NOT EXISTS ix_notification_deliveries_due ON notification_deliveries (status, next_attempt_at);
CREATE INDEX IF NOT EXISTS ix_notification_deliveries_notification ON notification_deliveries (notification_id);
CREATE INDEX IF NOT EXISTS ix_notifications_org_at ON notifications (organisation_id, at);
CREATE TABLE IF NOT EXISTS notification_settings (
    organisation_id TEXT PRIMARY KEY,
    webhook_url TEXT NULL,
    webhook_secret TEXT NULL,
    telegram_chat_id TEXT NULL,
    email_to TEXT NOT NULL,
    kinds TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    updated_by TEXT NOT NULL
);
