-- 0570: named wallets (issue 22): the name a treasurer gives a wallet ("Building fund"), cleaned by the free-text
-- policy (one line, at most 200 characters); NULL for wallets created without one (and every wallet before 0570).
ALTER TABLE ledger_wallets ADD COLUMN name TEXT NULL;
