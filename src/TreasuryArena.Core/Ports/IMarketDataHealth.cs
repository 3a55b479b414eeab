using TreasuryArena.Core.Intelligence;

namespace TreasuryArena.Core.Ports;

/// <summary>Per-source counters of the live market-data sources: successes, failures and validation rejections.</summary>
public interface IMarketDataHealth
{
    IReadOnlyList<MarketDataSourceHealth> Sources();
}
