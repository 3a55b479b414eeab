-- 0500: a treasury per organisation (issue 21). `treasuries` lists each organisation's treasury: its ledger name (the
-- treasury:{ledger_name}:… accounts), the capital it was funded with and when. treasury_state and treasury_memory are
-- keyed by organisation instead of the single row id = 1, and every journaled decision names its organisation.
-- What existed before belongs to the platform treasury, organisation 00000000-0000-0000-0000-00000000a7ea
-- ("Platform treasury", a reserved operator-owned id with no member organisation row; its treasuries row is added on first
-- use with the configured Treasury:Organisation and Treasury:InitialCapital, so its ledger accounts keep their names).
CREATE TABLE IF NOT EXISTS treasuries (
    organisation_id TEXT PRIMARY KEY,
    ledger_name TEXT NOT NULL UNIQUE,
    capital_cents BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    created_by TEXT NOT NULL
);
-- The old single-row tables are copied aside, recreated keyed by organisation, refilled and the copies dropped.
CREATE TABLE treasury_state_0500 AS SELECT inception, updated_on, peak_cents FROM treasury_state WHERE id = 1;
DROP TABLE treasury_state;
CREATE TABLE treasury_state (
    organisation_id TEXT PRIMARY KEY,
    inception TEXT NOT NULL,
    updated_on TEXT NOT NULL,
    peak_cents BIGINT NOT NULL
);
INSERT INTO treasury_state (organisation_id, inception, updated_on, peak_cents)
    SELECT '00000000-0000-0000-0000-00000000a7ea', inception, updated_on, peak_cents FROM treasury_state_0500;
DROP TABLE treasury_state_0500;
CREATE TABLE treasury_memory_0500 AS SELECT ladder_json, pending_json FROM treasury_memory WHERE id = 1;
DROP TABLE treasury_memory;
CREATE TABLE treasury_memory (
    organisation_id TEXT PRIMARY KEY,
    ladder_json TEXT NOT NULL,
    pending_json TEXT NULL
);
INSERT INTO treasury_memory (organisation_id, ladder_json, pending_json)
    SELECT '00000000-0000-0000-0000-00000000a7ea', ladder_json, pending_json FROM treasury_memory_0500;
DROP TABLE treasury_memory_0500;
ALTER TABLE advisor_journal ADD COLUMN organisation_id TEXT NOT NULL DEFAULT '00000000-0000-0000-0000-00000000a7ea';
CREATE INDEX IF NOT EXISTS ix_advisor_journal_organisation ON advisor_journal (organisation_id, as_of);
