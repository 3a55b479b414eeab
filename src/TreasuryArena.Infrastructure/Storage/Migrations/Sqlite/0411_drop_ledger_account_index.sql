-- 0411: the two account indexes of 0403 are dropped again. Measured idle, they made the 10,000-wallet rebalance
-- (70,000 trades, random wallets) 10.9-12.1 s instead of 6.0-8.4 s: six random index inserts per trade in the
-- ledger's commit. A wallet's transactions are read by scanning the journal backwards instead (see SqlLedgerJournal).
DROP INDEX IF EXISTS ix_ledger_entries_from_account;
DROP INDEX IF EXISTS ix_ledger_entries_to_account;
