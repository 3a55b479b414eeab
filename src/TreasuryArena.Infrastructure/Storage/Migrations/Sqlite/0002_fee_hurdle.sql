-- 0002 (SQLite): earned performance fees (docs/readme/02-ledger.md).
--   hurdle: the token's performance hurdle, 'None' or 'TBill' (the FeeSchedule's PerformanceHurdle).
--   high_water_mark_date: ISO date the high-water mark was last set (first subscription or a crystallisation).
--   hurdle_index: the hurdle's growth since that date at scale 12 (1.0 = 1000000000000).
--   last_crystallisation_date now means the last day of the last crystallisation period closed.
ALTER TABLE ledger_tokens ADD COLUMN hurdle TEXT NOT NULL DEFAULT 'None';
ALTER TABLE ledger_tokens ADD COLUMN high_water_mark_date TEXT NOT NULL DEFAULT '';
ALTER TABLE ledger_tokens ADD COLUMN hurdle_index INTEGER NOT NULL DEFAULT 1000000000000;
UPDATE ledger_tokens SET high_water_mark_date = inception_date;
