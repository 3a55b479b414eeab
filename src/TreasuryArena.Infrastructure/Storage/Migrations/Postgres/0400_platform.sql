-- 0400 (PostgreSQL): server/compliance/audit/jobs tables.
-- Instants are UTC ticks (BIGINT) in both providers; money in held_trades is an invariant decimal string.
CREATE TABLE IF NOT EXISTS organisations (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL UNIQUE,
    type TEXT NOT NULL,
    plan TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE TABLE IF NOT EXISTS members (
    id TEXT PRIMARY KEY,
    organisation_key TEXT NOT NULL,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    UNIQUE (organisation_key, name_key)
);
CREATE TABLE IF NOT EXISTS api_keys (
    id TEXT PRIMARY KEY,
    member_id TEXT NOT NULL,
    organisation_id TEXT NULL,
    role TEXT NOT NULL,
    prefix TEXT NOT NULL,
    hash TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL,
    revoked_at BIGINT NULL
);
CREATE TABLE IF NOT EXISTS org_verifications (
    organisation_id TEXT NOT NULL,
    verified_at BIGINT NOT NULL,
    entity_type TEXT NOT NULL,
    registration TEXT NOT NULL,
    reviewer TEXT NOT NULL,
    PRIMARY KEY (organisation_id, verified_at)
);
CREATE TABLE IF NOT EXISTS risk_disclosures (
    version TEXT PRIMARY KEY,
    text TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    published_at BIGINT NOT NULL,
    published_by TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS attestations (
    organisation_id TEXT NOT NULL,
    attested_at BIGINT NOT NULL,
    document_version TEXT NOT NULL,
    document_hash TEXT NOT NULL,
    signer TEXT NOT NULL,
    attested_by TEXT NOT NULL,
    PRIMARY KEY (organisation_id, attested_at, document_version)
);
CREATE TABLE IF NOT EXISTS held_trades (
    id TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL,
    wallet_address TEXT NOT NULL,
    symbol TEXT NOT NULL,
    side TEXT NOT NULL,
    usd_value TEXT NOT NULL,
    request TEXT NOT NULL,
    reasons TEXT NOT NULL,
    status TEXT NOT NULL,
    held_at BIGINT NOT NULL,
    held_by TEXT NOT NULL,
    decided_by TEXT NULL,
    decided_at BIGINT NULL,
    result TEXT NULL
);
CREATE INDEX IF NOT EXISTS ix_held_trades_status ON held_trades (status, held_at);
CREATE TABLE IF NOT EXISTS platform_state (
    id BIGINT PRIMARY KEY,
    halted BIGINT NOT NULL,
    reason TEXT NULL,
    set_by TEXT NULL,
    set_at BIGINT NULL
);
CREATE TABLE IF NOT EXISTS trade_counts (
    wallet_address TEXT NOT NULL,
    day BIGINT NOT NULL,
    trades BIGINT NOT NULL,
    PRIMARY KEY (wallet_address, day)
);
CREATE TABLE IF NOT EXISTS notifications (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    subject TEXT NOT NULL,
    message TEXT NOT NULL,
    at BIGINT NOT NULL,
    organisation_id TEXT NULL
);
CREATE INDEX IF NOT EXISTS ix_notifications_at ON notifications (at);
CREATE TABLE IF NOT EXISTS audit_log (
    seq BIGINT PRIMARY KEY,
    at BIGINT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    subject TEXT NOT NULL,
    outcome TEXT NOT NULL,
    detail TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS idempotency_keys (
    scope TEXT NOT NULL,
    idem_key TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    state TEXT NOT NULL,
    status_code BIGINT NULL,
    content_type TEXT NULL,
    body TEXT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (scope, idem_key)
);
CREATE TABLE IF NOT EXISTS job_runs (
    job TEXT NOT NULL,
    slot TEXT NOT NULL,
    instance TEXT NOT NULL,
    trigger TEXT NOT NULL,
    started_at BIGINT NOT NULL,
    finished_at BIGINT NULL,
    status TEXT NOT NULL,
    detail TEXT NULL,
    PRIMARY KEY (job, slot)
);
