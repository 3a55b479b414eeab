using TreasuryArena.Core.Intelligence;

namespace TreasuryArena.Core.Ports;

/// <summary>
/// Market indicators as of a date. The history adapter answers for any past date from the shipped files and never
/// reads data dated after it; the live adapter answers for now from the public APIs (through a cache), and delegates
/// past dates to history. Every reading carries its source, as-of time and stale flag; nothing is invented.
/// </summary>
public interface IMarketDataProvider
{
    /// <summary><c>history</c> or <c>live</c>.</summary>
    string Mode { get; }

    /// <summary>The latest date this provider can answer for (history: the last date with both BTC and ETH closes; live: today).</summary>
    DateOnly LatestDate { get; }

    /// <summary>The snapshot as of <paramref name="asOf"/> (end of that UTC day), or the latest when <c>null</c>.</summary>
    Task<MarketSnapshot> GetSnapshotAsync(DateOnly? asOf, CancellationToken cancellationToken);
}
