-- 0510: each organisation's Investment Policy Statement (issue 21), versioned: every change is a new row with its author
-- (the audit actor) and time (UTC ticks). document is the full policy as snake_case JSON (PolicyDocument). The latest
-- version is the one in force; an organisation without a row has the platform default.
CREATE TABLE IF NOT EXISTS investment_policies (
    organisation_id TEXT NOT NULL,
    version BIGINT NOT NULL,
    document TEXT NOT NULL,
    author TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (organisation_id, version)
);
