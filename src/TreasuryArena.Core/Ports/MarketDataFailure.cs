namespace TreasuryArena.Core.Ports;

/// <summary>Why a market-data source gave no usable answer.</summary>
public enum MarketDataFailure
{
    /// <summary>Network error, timeout, open circuit or a 5xx.</summary>
    Unavailable,

    /// <summary>HTTP 429 (after the retries the resilience handler allows).</summary>
    RateLimited,

    /// <summary>The response was rejected by validation (malformed JSON, changed schema, missing field, bad value).</summary>
    Invalid,

    /// <summary>The source needs configuration it does not have (e.g. an API key).</summary>
    NotConfigured,
}
