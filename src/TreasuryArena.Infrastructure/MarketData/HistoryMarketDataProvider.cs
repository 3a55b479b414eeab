using TreasuryArena.Core.Intelligence;
using TreasuryArena.Core.MarketData;
using TreasuryArena.Core.Ports;

namespace TreasuryArena.Infrastructure.MarketData;

/// <summary>
/// Answers "as of" any date from the market history files. Only points dated on or before the date are read, so a
/// backtest on day t sees exactly what an observer on day t could have known. A daily value older than one day is
/// served marked stale with its age.
/// </summary>
public sealed class HistoryMarketDataProvider(MarketHistory history) : IMarketDataProvider
{
    public const string ModeName = "history";

    /// <summary>Daily values older than this (relative to the as-of date) are marked stale.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromDays(1);

    private readonly IndicatorInputs _inputs = IndicatorInputs.FromHistory(history);

    public string Mode => ModeName;

    public DateOnly LatestDate => history.LastCommonDate;

    public MarketHistory History => history;

    public MarketSnapshot Snapshot(DateOnly asOf) => IndicatorCalculator.Compute(_inputs, asOf, ModeName, StaleAfter);

    public Task<MarketSnapshot> GetSnapshotAsync(DateOnly? asOf, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Snapshot(asOf ?? LatestDate));
    }
}
