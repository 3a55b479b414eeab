-- 0401: each wallet's highest value seen by the drawdown breaker (USD as an invariant decimal string; instant as UTC ticks).
CREATE TABLE IF NOT EXISTS wallet_peaks (
    address TEXT PRIMARY KEY,
    peak TEXT NOT NULL,
    updated_at BIGINT NOT NULL
);
