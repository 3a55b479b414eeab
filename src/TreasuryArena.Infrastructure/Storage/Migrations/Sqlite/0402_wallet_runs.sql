-- 0402: the inputs an optimizer run shares by all its wallets (the token metrics), stored once per run; each
-- wallet_allocation_snapshots row refers to its run by run_id.
CREATE TABLE IF NOT EXISTS wallet_optimizer_runs (
    run_id        TEXT    NOT NULL PRIMARY KEY,
    as_of         TEXT    NOT NULL,
    lookback_days INTEGER NOT NULL,
    tokens        TEXT    NOT NULL,
    created_at    INTEGER NOT NULL
);
