-- Ledger schema (SQLite). Money and quantities are scaled 64-bit integers:
--   ledger_entries.amount / ledger_balances.amount: at the unit's scale (USD: 2 = cents; token shares: 8).
--   ledger_tokens.*_fee_rate: fractions at scale 8 (0.01 = 1000000).
--   ledger_tokens.reference_nav / high_water_mark: USD per share at scale 8.
-- Instants are UTC ticks (INTEGER); dates are ISO 'yyyy-MM-dd' text.
CREATE TABLE ledger_wallets (
    address       TEXT    NOT NULL PRIMARY KEY,
    organisation  TEXT    NOT NULL,
    mode          TEXT    NOT NULL,
    risk          TEXT    NOT NULL,
    created_at    INTEGER NOT NULL
);

CREATE INDEX ix_ledger_wallets_organisation ON ledger_wallets (organisation);

CREATE TABLE ledger_tokens (
    symbol                    TEXT    NOT NULL PRIMARY KEY,
    name                      TEXT    NOT NULL,
    strategy_id               TEXT    NOT NULL,
    status                    TEXT    NOT NULL,
    trade_fee_rate            INTEGER NOT NULL,
    management_fee_rate       INTEGER NOT NULL,
    performance_fee_rate      INTEGER NOT NULL,
    crystallisation           TEXT    NOT NULL,
    inception_date            TEXT    NOT NULL,
    reference_nav             INTEGER NOT NULL,
    high_water_mark           INTEGER NOT NULL,
    last_fee_date             TEXT    NOT NULL,
    last_crystallisation_date TEXT    NOT NULL
);

CREATE TABLE ledger_entries (
    seq           INTEGER NOT NULL PRIMARY KEY,
    op_id         INTEGER NOT NULL,
    op_kind       TEXT    NOT NULL,
    idem_key      TEXT    NOT NULL,
    kind          TEXT    NOT NULL,
    memo          TEXT    NOT NULL,
    unit          TEXT    NOT NULL,
    from_account  TEXT    NOT NULL,
    to_account    TEXT    NOT NULL,
    amount        INTEGER NOT NULL,
    at            INTEGER NOT NULL,
    prev_hash     TEXT    NOT NULL,
    hash          TEXT    NOT NULL
);

CREATE TABLE ledger_balances (
    account  TEXT    NOT NULL,
    unit     TEXT    NOT NULL,
    amount   INTEGER NOT NULL,
    PRIMARY KEY (account, unit)
);
