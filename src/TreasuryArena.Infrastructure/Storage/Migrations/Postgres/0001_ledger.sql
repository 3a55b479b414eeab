-- Ledger schema (PostgreSQL). Same tables and scales as the SQLite migration; the differences are explicit:
-- BIGINT for INTEGER, timestamptz for instants (UTC ticks in SQLite), date for dates (ISO text in SQLite).
--   ledger_entries.amount / ledger_balances.amount: at the unit's scale (USD: 2 = cents; token shares: 8).
--   ledger_tokens.*_fee_rate: fractions at scale 8; reference_nav / high_water_mark: USD per share at scale 8.
CREATE TABLE ledger_wallets (
    address       TEXT        NOT NULL PRIMARY KEY,
    organisation  TEXT        NOT NULL,
    mode          TEXT        NOT NULL,
    risk          TEXT        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL
);

CREATE INDEX ix_ledger_wallets_organisation ON ledger_wallets (organisation);

CREATE TABLE ledger_tokens (
    symbol                    TEXT   NOT NULL PRIMARY KEY,
    name                      TEXT   NOT NULL,
    strategy_id               TEXT   NOT NULL,
    status                    TEXT   NOT NULL,
    trade_fee_rate            BIGINT NOT NULL,
    management_fee_rate       BIGINT NOT NULL,
    performance_fee_rate      BIGINT NOT NULL,
    crystallisation           TEXT   NOT NULL,
    inception_date            DATE   NOT NULL,
    reference_nav             BIGINT NOT NULL,
    high_water_mark           BIGINT NOT NULL,
    last_fee_date             DATE   NOT NULL,
    last_crystallisation_date DATE   NOT NULL
);

CREATE TABLE ledger_entries (
    seq           BIGINT      NOT NULL PRIMARY KEY,
    op_id         BIGINT      NOT NULL,
    op_kind       TEXT        NOT NULL,
    idem_key      TEXT        NOT NULL,
    kind          TEXT        NOT NULL,
    memo          TEXT        NOT NULL,
    unit          TEXT        NOT NULL,
    from_account  TEXT        NOT NULL,
    to_account    TEXT        NOT NULL,
    amount        BIGINT      NOT NULL,
    at            TIMESTAMPTZ NOT NULL,
    prev_hash     TEXT        NOT NULL,
    hash          TEXT        NOT NULL
);

CREATE TABLE ledger_balances (
    account  TEXT   NOT NULL,
    unit     TEXT   NOT NULL,
    amount   BIGINT NOT NULL,
    PRIMARY KEY (account, unit)
);
