-- 0201: the treasury's cash, positions and fills now live in the ledger (accounts treasury:{org}:cash,
-- treasury:{org}:{ASSET}, venue:{venue}, venue-fees, market:treasury:{org}; see 0001). The holdings and fills tables
-- go, and treasury_state keeps only what the ledger does not: inception, last execution date and peak value.
-- A treasury saved before this migration has no ledger entries, so it is reset: the next command uses the configured
-- default treasury again (the decision journal is kept).
DROP TABLE treasury_fills;
DROP TABLE treasury_positions;
DELETE FROM treasury_state;
ALTER TABLE treasury_state DROP COLUMN cash_cents;
