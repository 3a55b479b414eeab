-- 0200 (PostgreSQL): advisor journal, model token spend, treasury holdings and fills. Plain SQL accepted by SQLite and PostgreSQL.
-- Instants are UTC ticks (INTEGER) in SQLite and timestamptz in PostgreSQL; dates are yyyy-MM-dd text; money is in cents, quantities ×1e10, prices ×1e10 (BIGINT).
-- Decisions, orders, prices and outcomes are kept as JSON text (snake_case) next to the columns they are queried by.
CREATE TABLE IF NOT EXISTS advisor_journal (
    id BIGINT PRIMARY KEY,
    recorded_at TIMESTAMPTZ NOT NULL,
    as_of TEXT NOT NULL,
    kind TEXT NOT NULL,
    advisor TEXT NOT NULL,
    action TEXT NOT NULL,
    confidence INTEGER NOT NULL,
    reasoning TEXT NOT NULL,
    fallback_reason TEXT NULL,
    latency_ms BIGINT NOT NULL,
    model TEXT NULL,
    input_tokens BIGINT NULL,
    output_tokens BIGINT NULL,
    decision_json TEXT NOT NULL,
    inputs TEXT NOT NULL,
    prompt TEXT NULL,
    raw_answer TEXT NULL,
    portfolio_json TEXT NOT NULL,
    prices_json TEXT NOT NULL,
    candidate_json TEXT NOT NULL,
    approved_json TEXT NOT NULL,
    interventions_json TEXT NOT NULL,
    executed INTEGER NOT NULL,
    outcome_json TEXT NULL,
    outcome_right INTEGER NULL
);
CREATE INDEX IF NOT EXISTS ix_advisor_journal_as_of ON advisor_journal (as_of);
CREATE TABLE IF NOT EXISTS advisor_token_usage (
    day TEXT PRIMARY KEY,
    tokens BIGINT NOT NULL
);
CREATE TABLE IF NOT EXISTS treasury_state (
    id INTEGER PRIMARY KEY,
    inception TEXT NOT NULL,
    updated_on TEXT NOT NULL,
    cash_cents BIGINT NOT NULL,
    peak_cents BIGINT NOT NULL
);
CREATE TABLE IF NOT EXISTS treasury_positions (
    asset TEXT PRIMARY KEY,
    venue TEXT NOT NULL,
    asset_class TEXT NOT NULL,
    quantity_e10 BIGINT NOT NULL,
    cost_basis_cents BIGINT NOT NULL
);
CREATE TABLE IF NOT EXISTS treasury_fills (
    seq BIGINT PRIMARY KEY,
    recorded_at TIMESTAMPTZ NOT NULL,
    fill_date TEXT NOT NULL,
    asset TEXT NOT NULL,
    venue TEXT NOT NULL,
    side TEXT NOT NULL,
    quantity_e10 BIGINT NOT NULL,
    mark_price_e10 BIGINT NOT NULL,
    notional_cents BIGINT NOT NULL,
    fee_cents BIGINT NOT NULL,
    slippage_cents BIGINT NOT NULL
);
