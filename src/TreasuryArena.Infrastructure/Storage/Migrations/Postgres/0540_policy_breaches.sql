-- 0540: breaches of an organisation's Investment Policy Statement found on its holdings (issue 21): market moves that
-- push a token above max_token_weight, tokens above max_volatile_share, cash below the liquidity reserve, a strategy the
-- policy does not allow, fewer tokens than min_tokens. One row per organisation, business date (ISO yyyy-MM-dd), clause
-- and token ('' when the clause is not about one token): found again the same day, it is not stored twice. measured and
-- limit_value are the breach's figures as written in the policy (fractions, USD or counts) scaled by 10^6.
CREATE TABLE IF NOT EXISTS policy_breaches (
    organisation_id TEXT NOT NULL,
    as_of TEXT NOT NULL,
    clause TEXT NOT NULL,
    symbol TEXT NOT NULL,
    measured BIGINT NOT NULL,
    limit_value BIGINT NOT NULL,
    message TEXT NOT NULL,
    remedy TEXT NOT NULL,
    policy_version BIGINT NOT NULL,
    PRIMARY KEY (organisation_id, as_of, clause, symbol)
);
