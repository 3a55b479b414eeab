-- 0520: two-person approvals (issue 21). A member's trade, proposal approval or policy change above the organisation's
-- threshold waits here for a second, different member's approval. kind: trade | proposal | policy_change; status:
-- awaiting_second_approval | executed | rejected | expired; payload: the request as JSON; usd_value as text (exact
-- decimal); instants are UTC ticks. A decision moves a row out of awaiting_second_approval once (conditional update).
CREATE TABLE IF NOT EXISTS approvals (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    organisation_id TEXT NOT NULL,
    summary TEXT NOT NULL,
    usd_value TEXT NOT NULL,
    payload TEXT NOT NULL,
    requested_by_member TEXT NOT NULL,
    requested_by_key TEXT NOT NULL,
    requested_by TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    decided_by TEXT NULL,
    decided_at BIGINT NULL,
    result TEXT NULL
);
CREATE INDEX IF NOT EXISTS ix_approvals_org_status ON approvals (organisation_id, status);
CREATE INDEX IF NOT EXISTS ix_approvals_status_expires ON approvals (status, expires_at);
