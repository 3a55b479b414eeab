-- 0440: the dashboard's server-side sessions (issue 20). The browser holds an opaque random id; only its SHA-256 (hex)
-- is stored. A session signs in as one API key (key_id: its role, organisation and revocation apply on every request)
-- of one member. Instants are UTC ticks. expires_at is the absolute expiry; last_used_at is written at most once a
-- minute per session per process; ended_at/end_reason (logout, revoked, idle, absolute) once it ended. Rows are deleted
-- once their absolute expiry has passed.
CREATE TABLE IF NOT EXISTS sessions (
    id_hash TEXT PRIMARY KEY,
    key_id TEXT NOT NULL,
    member_id TEXT NOT NULL,
    organisation_id TEXT NULL,
    created_at BIGINT NOT NULL,
    last_used_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    ended_at BIGINT NULL,
    end_reason TEXT NULL
);
CREATE INDEX IF NOT EXISTS ix_sessions_key ON sessions (key_id);
CREATE INDEX IF NOT EXISTS ix_sessions_member ON sessions (member_id);
CREATE INDEX IF NOT EXISTS ix_sessions_expires ON sessions (expires_at);
