-- 0412: the wallet breaker's open trip (issue 18): when it moved the wallet to HYBRID (UTC ticks), the lowest value
-- since (USD as an invariant decimal string) and when; null when no trip is open. The automatic review reads them.
ALTER TABLE wallet_peaks ADD COLUMN trip_at BIGINT NULL;
ALTER TABLE wallet_peaks ADD COLUMN trough TEXT NULL;
ALTER TABLE wallet_peaks ADD COLUMN trough_at BIGINT NULL;
