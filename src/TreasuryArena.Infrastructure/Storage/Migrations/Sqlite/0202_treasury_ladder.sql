-- 0202: the treasury's memory (issue 18): the MVRV ladder (rungs sold, since when, last day observed and changed) and
-- the orders decided on a day's close and queued for the next bar, as JSON text (snake_case) in one row; and the fills
-- of a journaled decision's queued orders (date and price of the next bar) beside the decision.
CREATE TABLE IF NOT EXISTS treasury_memory (
    id INTEGER PRIMARY KEY,
    ladder_json TEXT NOT NULL,
    pending_json TEXT NULL
);
ALTER TABLE advisor_journal ADD COLUMN fills_json TEXT NULL;
