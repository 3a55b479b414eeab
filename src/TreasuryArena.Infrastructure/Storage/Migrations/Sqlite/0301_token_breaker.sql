-- 0301 (SQLite): each token's drawdown breaker limit and where it came from (docs/readme/07-tokens.md, Drawdown breaker).
--   breaker_limit, breaker_backtest_drawdown, breaker_floor, breaker_cap: positive fractions at scale 6 (0.375 = 375000);
--   breaker_multiple: at scale 6 (1.25 = 1250000); breaker_source: backtest | floor | cap | short_backtest | no_backtest;
--   breaker_window_from/to: ISO dates of the backtest the limit comes from. All NULL for a token issued before this
--   migration until the NAV engine derives its limit from the stored backtest (once, then kept).
ALTER TABLE token_backings ADD COLUMN breaker_limit INTEGER NULL;
ALTER TABLE token_backings ADD COLUMN breaker_source TEXT NULL;
ALTER TABLE token_backings ADD COLUMN breaker_backtest_drawdown INTEGER NULL;
ALTER TABLE token_backings ADD COLUMN breaker_window_from TEXT NULL;
ALTER TABLE token_backings ADD COLUMN breaker_window_to TEXT NULL;
ALTER TABLE token_backings ADD COLUMN breaker_multiple INTEGER NULL;
ALTER TABLE token_backings ADD COLUMN breaker_floor INTEGER NULL;
ALTER TABLE token_backings ADD COLUMN breaker_cap INTEGER NULL;
-- The breaker measures from the day a token went live, not from its paper proving: a promoted token still measuring
-- from inception (never resumed since) measures from its promotion date.
UPDATE token_backings SET breaker_reference = (
    SELECT MAX(e.date) FROM token_lifecycle_events e
    WHERE e.symbol = token_backings.symbol AND e.from_status = 'Proving' AND e.to_status = 'Active')
WHERE breaker_reference = inception AND EXISTS (
    SELECT 1 FROM token_lifecycle_events e
    WHERE e.symbol = token_backings.symbol AND e.from_status = 'Proving' AND e.to_status = 'Active');
