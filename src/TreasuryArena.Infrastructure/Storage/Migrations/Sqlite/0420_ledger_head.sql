-- 0420: the journal's head (issue 19, the database is the source of truth): one row with the last entry's sequence and
-- hash and a revision that every ledger commit raises by one (a commit that only creates or changes a wallet or a token
-- writes no entry but still moves the revision). An append is conditional on the head its writer validated against.
-- Tokens and wallets carry the revision of the commit that last wrote them, so a process reads only what changed
-- since the head it knows (the journal's tail).
CREATE TABLE ledger_head (
    id        INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    seq       INTEGER NOT NULL,
    hash      TEXT    NOT NULL,
    revision  INTEGER NOT NULL
);

INSERT INTO ledger_head (id, seq, hash, revision)
SELECT 1,
       COALESCE((SELECT seq FROM ledger_entries ORDER BY seq DESC LIMIT 1), 0),
       COALESCE((SELECT hash FROM ledger_entries ORDER BY seq DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000'),
       0;

ALTER TABLE ledger_tokens ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
ALTER TABLE ledger_wallets ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
CREATE INDEX ix_ledger_wallets_revision ON ledger_wallets (revision);
