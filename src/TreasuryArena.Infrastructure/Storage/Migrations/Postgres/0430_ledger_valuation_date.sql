-- 0430: the business date each ledger entry was priced at (issue 19, one business clock): a buy or sell at the date
-- of the token's NAV it traded at, a NAV step or fee accrual at its NAV date, a deposit, withdrawal or treasury
-- operation at the platform date. Null on entries written before this migration: they keep their first canonical
-- hash form (EntryHasher), new entries hash in form 2, which covers the date.
ALTER TABLE ledger_entries ADD COLUMN valuation_date DATE NULL;
