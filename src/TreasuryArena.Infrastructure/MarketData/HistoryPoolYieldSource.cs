using TreasuryArena.Core.Intelligence;
using TreasuryArena.Core.Ports;

namespace TreasuryArena.Infrastructure.MarketData;

/// <summary>History mode has no pool-yield history (none was found to ship): always empty, saying so.</summary>
public sealed class HistoryPoolYieldSource : IPoolYieldSource
{
    public Task<PoolYieldReport> GetPoolYieldsAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new PoolYieldReport([], "history", null, Stale: false, "no pool-yield history is shipped; set MarketData:Mode=live for DefiLlama yields"));
}
