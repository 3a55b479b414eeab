namespace TreasuryArena.Core.Ports;

/// <summary>A market-data source failed: unreachable, rate-limited, not configured, or its answer was rejected.</summary>
public sealed class MarketDataException(string source, MarketDataFailure failure, string message, Exception? inner = null)
    : Exception($"{source}: {message}", inner)
{
    public string DataSource { get; } = source;

    public MarketDataFailure Failure { get; } = failure;

    /// <summary>True when trying again later may succeed (network, timeout, 429, 5xx).</summary>
    public bool IsTransient => Failure is MarketDataFailure.Unavailable or MarketDataFailure.RateLimited;
}
