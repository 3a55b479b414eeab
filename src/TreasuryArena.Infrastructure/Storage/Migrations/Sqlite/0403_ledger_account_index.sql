-- 0403: a wallet's (or any account's) entries newest first without scanning the whole journal:
-- GET /api/wallet/{address}/transactions reads (account, seq < cursor) from each side of the transfer.
CREATE INDEX IF NOT EXISTS ix_ledger_entries_from_account ON ledger_entries (from_account, seq);
CREATE INDEX IF NOT EXISTS ix_ledger_entries_to_account ON ledger_entries (to_account, seq);
