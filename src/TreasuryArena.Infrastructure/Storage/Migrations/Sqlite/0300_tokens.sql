-- Tokens live and optimizer-managed wallets (SQLite). Scaled 64-bit integers:
--   nav, gross_nav, high_water_mark: USD per share at scale 8; supply: shares at scale 8;
--   daily_return, drawdown: fractions at scale 10; sharpe_90, volatility_90: at scale 6;
--   management_fee, performance_fee: USD cents (scale 2).
-- Instants are UTC ticks (INTEGER); dates are ISO 'yyyy-MM-dd' text. JSON columns are snake_case documents.
CREATE TABLE token_backings (
    symbol            TEXT    NOT NULL PRIMARY KEY,
    strategy          TEXT    NOT NULL,
    parameters        TEXT    NOT NULL,
    inception         TEXT    NOT NULL,
    breaker_reference TEXT    NOT NULL,
    backtest          TEXT    NOT NULL,
    created_at        INTEGER NOT NULL
);

CREATE TABLE token_nav_history (
    symbol          TEXT    NOT NULL,
    date            TEXT    NOT NULL,
    nav             INTEGER NOT NULL,
    daily_return    INTEGER NOT NULL,
    high_water_mark INTEGER NOT NULL,
    drawdown        INTEGER NOT NULL,
    sharpe_90       INTEGER NULL,
    volatility_90   INTEGER NULL,
    gross_nav       INTEGER NOT NULL,
    supply          INTEGER NOT NULL,
    management_fee  INTEGER NOT NULL,
    performance_fee INTEGER NOT NULL,
    PRIMARY KEY (symbol, date)
);

CREATE TABLE token_lifecycle_events (
    id          TEXT    NOT NULL PRIMARY KEY,
    symbol      TEXT    NOT NULL,
    date        TEXT    NOT NULL,
    from_status TEXT    NOT NULL,
    to_status   TEXT    NOT NULL,
    actor       TEXT    NOT NULL,
    reason      TEXT    NOT NULL,
    at          INTEGER NOT NULL
);

CREATE INDEX ix_token_lifecycle_events_symbol ON token_lifecycle_events (symbol, at);

CREATE TABLE wallet_allocation_snapshots (
    id             TEXT    NOT NULL PRIMARY KEY,
    run_id         TEXT    NOT NULL,
    address        TEXT    NOT NULL,
    as_of          TEXT    NOT NULL,
    mode           TEXT    NOT NULL,
    action         TEXT    NOT NULL,
    value_cents    INTEGER NOT NULL,
    current_weights TEXT   NOT NULL,
    target_weights TEXT    NOT NULL,
    orders         TEXT    NOT NULL,
    decision       TEXT    NOT NULL,
    reasoning      TEXT    NOT NULL,
    created_at     INTEGER NOT NULL
);

CREATE INDEX ix_wallet_allocation_snapshots_address ON wallet_allocation_snapshots (address, action, as_of);

CREATE TABLE wallet_proposals (
    id             TEXT    NOT NULL PRIMARY KEY,
    address        TEXT    NOT NULL,
    as_of          TEXT    NOT NULL,
    created_at     INTEGER NOT NULL,
    expires_at     INTEGER NOT NULL,
    status         TEXT    NOT NULL,
    target_weights TEXT    NOT NULL,
    orders         TEXT    NOT NULL,
    reasoning      TEXT    NOT NULL,
    decided_by     TEXT    NULL,
    decided_at     INTEGER NULL,
    decision_note  TEXT    NULL
);

CREATE INDEX ix_wallet_proposals_address ON wallet_proposals (address, status);
