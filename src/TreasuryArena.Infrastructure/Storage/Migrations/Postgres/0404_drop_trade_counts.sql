-- 0404: trade_counts (0400) is unused: the daily trade count is the ledger's own state (LedgerState.TradesOn),
-- rebuilt from the journal at start, so no write per trade is needed.
DROP TABLE IF EXISTS trade_counts;
