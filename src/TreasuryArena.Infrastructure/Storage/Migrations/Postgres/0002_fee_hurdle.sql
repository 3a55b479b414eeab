-- 0002 (PostgreSQL): earned performance fees; same columns and scales as the SQLite migration.
--   hurdle: 'None' or 'TBill'; high_water_mark_date: the date the high-water mark was last set;
--   hurdle_index: the hurdle's growth since that date at scale 12 (1.0 = 1000000000000).
ALTER TABLE ledger_tokens ADD COLUMN hurdle TEXT NOT NULL DEFAULT 'None';
ALTER TABLE ledger_tokens ADD COLUMN high_water_mark_date DATE NULL;
ALTER TABLE ledger_tokens ADD COLUMN hurdle_index BIGINT NOT NULL DEFAULT 1000000000000;
UPDATE ledger_tokens SET high_water_mark_date = inception_date;
ALTER TABLE ledger_tokens ALTER COLUMN high_water_mark_date SET NOT NULL;
