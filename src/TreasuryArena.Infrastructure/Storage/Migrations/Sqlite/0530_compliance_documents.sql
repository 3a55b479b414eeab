-- 0530: compliance documents (issue 21): versioned documents of a kind (membership_agreement,
-- treasury_policy_attestation; the risk disclosure keeps its own table), ESIGN signature records, the marks of the
-- yearly compliance review (ips_reviewed, key_holders_reviewed) and erased members' pseudonyms. Instants are UTC ticks.
-- A signature's typed name lives here, outside the audit chain's hashed text, so erasing a member can overwrite it.
CREATE TABLE IF NOT EXISTS compliance_documents (
    kind TEXT NOT NULL,
    version TEXT NOT NULL,
    text TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    published_at BIGINT NOT NULL,
    published_by TEXT NOT NULL,
    PRIMARY KEY (kind, version)
);
CREATE TABLE IF NOT EXISTS signatures (
    id TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    document_version TEXT NOT NULL,
    document_hash TEXT NOT NULL,
    typed_name TEXT NOT NULL,
    consent INTEGER NOT NULL,
    consent_text TEXT NOT NULL,
    member_id TEXT NOT NULL,
    key_id TEXT NOT NULL,
    signed_at BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_signatures_org ON signatures (organisation_id, signed_at);
CREATE TABLE IF NOT EXISTS compliance_review_marks (
    organisation_id TEXT NOT NULL,
    item TEXT NOT NULL,
    marked_at BIGINT NOT NULL,
    marked_by TEXT NOT NULL,
    member_id TEXT NOT NULL,
    PRIMARY KEY (organisation_id, item, marked_at)
);
CREATE TABLE IF NOT EXISTS erased_members (
    member_id TEXT PRIMARY KEY,
    pseudonym TEXT NOT NULL,
    erased_at BIGINT NOT NULL
);
