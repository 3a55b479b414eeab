-- Tokens live and optimizer-managed wallets (PostgreSQL). Scaled 64-bit integers:
--   nav, gross_nav, high_water_mark: USD per share at scale 8; supply: shares at scale 8;
--   daily_return, drawdown: fractions at scale 10; sharpe_90, volatility_90: at scale 6;
--   management_fee, performance_fee: USD cents (scale 2).
-- Same tables and scales as the SQLite migration: BIGINT for INTEGER, timestamptz for instants, date for dates. JSON columns are snake_case documents.
CREATE TABLE token_backings (
    symbol            TEXT    NOT NULL PRIMARY KEY,
    strategy          TEXT    NOT NULL,
    parameters        TEXT    NOT NULL,
    inception         DATE    NOT NULL,
    breaker_reference DATE    NOT NULL,
    backtest          TEXT    NOT NULL,
    created_at        TIMESTAMPTZ NOT NULL
);

CREATE TABLE token_nav_history (
    symbol          TEXT    NOT NULL,
    date            DATE    NOT NULL,
    nav             BIGINT  NOT NULL,
    daily_return    BIGINT  NOT NULL,
    high_water_mark BIGINT  NOT NULL,
    drawdown        BIGINT  NOT NULL,
    sharpe_90       BIGINT  NULL,
    volatility_90   BIGINT  NULL,
    gross_nav       BIGINT  NOT NULL,
    supply          BIGINT  NOT NULL,
    management_fee  BIGINT  NOT NULL,
    performance_fee BIGINT  NOT NULL,
    PRIMARY KEY (symbol, date)
);

CREATE TABLE token_lifecycle_events (
    id          TEXT    NOT NULL PRIMARY KEY,
    symbol      TEXT    NOT NULL,
    date        DATE    NOT NULL,
    from_status TEXT    NOT NULL,
    to_status   TEXT    NOT NULL,
    actor       TEXT    NOT NULL,
    reason      TEXT    NOT NULL,
    at          TIMESTAMPTZ NOT NULL
);

CREATE INDEX ix_token_lifecycle_events_symbol ON token_lifecycle_events (symbol, at);

CREATE TABLE wallet_allocation_snapshots (
    id             TEXT    NOT NULL PRIMARY KEY,
    run_id         TEXT    NOT NULL,
    address        TEXT    NOT NULL,
    as_of          DATE    NOT NULL,
    mode           TEXT    NOT NULL,
    action         TEXT    NOT NULL,
    value_cents    BIGINT  NOT NULL,
    current_weights TEXT   NOT NULL,
    target_weights TEXT    NOT NULL,
    orders         TEXT    NOT NULL,
    decision       TEXT    NOT NULL,
    reasoning      TEXT    NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL
);

CREATE INDEX ix_wallet_allocation_snapshots_address ON wallet_allocation_snapshots (address, action, as_of);

CREATE TABLE wallet_proposals (
    id             TEXT    NOT NULL PRIMARY KEY,
    address        TEXT    NOT NULL,
    as_of          DATE    NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL,
    expires_at     TIMESTAMPTZ NOT NULL,
    status         TEXT    NOT NULL,
    target_weights TEXT    NOT NULL,
    orders         TEXT    NOT NULL,
    reasoning      TEXT    NOT NULL,
    decided_by     TEXT    NULL,
    decided_at     TIMESTAMPTZ NULL,
    decision_note  TEXT    NULL
);

CREATE INDEX ix_wallet_proposals_address ON wallet_proposals (address, status);
