using System.Globalization;
using System.Text.Json;
using TreasuryArena.Core.Backtesting;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Fees;
using TreasuryArena.Core.Ledger;
using TreasuryArena.Core.Strategies;

namespace TreasuryArena.Core.Nav;

/// <summary>
/// Issues a strategy token: a <c>proving</c> token in the ledger (initial NAV 1.00, default fees, optionally a
/// T-bill hurdle on the performance fee), its backing (the
/// strategy and parameters, inception date) and its backtest — the same strategy on the same frame from the end of its
/// warm-up (never before its assets' first liquid trading day, <see cref="MarketData.Inception"/>) to the inception
/// date, scored by the quant library — stored with it, with the drawdown breaker limit derived from that backtest's
/// worst drawdown (<see cref="BreakerLimit.Derive"/> under <paramref name="lifecycle"/>). A token dated before its
/// assets' inception is refused (<c>before_inception</c>, a 422 at the API) with the asset, its inception and the reason.
/// </summary>
public sealed class TokenIssuer(LedgerService ledger, INavStore store, BackingPortfolioFactory portfolios, LifecycleOptions? lifecycle = null, Ports.IBusinessClock? clock = null)
{
    public static readonly decimal InitialNav = 1m;

    // Strict numbers: an undefined ratio is null, never the string "NaN" (the metrics never produce one).
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    // The last data date on or before the platform date: a token issued "now" starts on the business calendar.
    private DateOnly DefaultInception(DateOnly[] dates)
    {
        if (clock is null)
        {
            return dates[^1];
        }

        var i = Array.BinarySearch(dates, clock.Today);
        return i >= 0 ? dates[i] : ~i > 0 ? dates[~i - 1] : dates[^1];
    }

    /// <summary>Issues a token with the default name and <see cref="InitialNav"/> (see the full overload).</summary>
    public Task<TokenIssue> IssueAsync(string strategy, string symbol, IReadOnlyDictionary<string, string>? parameters, DateOnly? inception, CancellationToken ct) =>
        IssueAsync(strategy, symbol, parameters, inception, null, null, PerformanceHurdle.None, ct);

    /// <param name="strategy">A library strategy name.</param>
    /// <param name="symbol">The token symbol (validated by the ledger).</param>
    /// <param name="parameters">Strategy parameter overrides.</param>
    /// <param name="inception">The first NAV date; default the last date of the strategy's data on or before the platform date (the business clock's).</param>
    /// <param name="name">The token's name; default "<c>strategy</c> token".</param>
    /// <param name="initialNav">The NAV per share at inception; default <see cref="InitialNav"/>.</param>
    /// <param name="hurdle">The performance fee's hurdle (the other fees are the defaults).</param>
    /// <param name="ct">Cancellation.</param>
    public async Task<TokenIssue> IssueAsync(
        string strategy, string symbol, IReadOnlyDictionary<string, string>? parameters, DateOnly? inception, string? name, decimal? initialNav,
        PerformanceHurdle hurdle, CancellationToken ct)
    {
        if (!StrategyLibrary.TryGet(strategy, out var definition))
        {
            throw new DomainException(Outcome.UnknownStrategy, $"no strategy `{strategy}` (known: {string.Join(", ", StrategyLibrary.All.Select(s => s.Name))})");
        }

        IStrategy instance;
        try
        {
            instance = definition.Create(parameters);
        }
        catch (StrategyException ex)
        {
            throw new DomainException(Outcome.BadParameter, ex.Message);
        }

        var data = portfolios.Frame(instance);
        var date = inception ?? DefaultInception(data.Dates);
        if (Array.BinarySearch(data.Dates, date) < 0)
        {
            throw new DomainException(Outcome.BadInception, string.Create(CultureInfo.InvariantCulture,
                $"inception {date:yyyy-MM-dd} is not a date of the {definition.Name} data ({data.Dates[0]:yyyy-MM-dd}..{data.Dates[^1]:yyyy-MM-dd})"));
        }

        // No token before its assets can be traded: its first NAV would rest on prices nobody could trade at.
        if (Backtester.BeforeInception(data, date) is { } early)
        {
            throw new DomainException(Outcome.BeforeInception, string.Create(CultureInfo.InvariantCulture,
                $"inception {date:yyyy-MM-dd} is before {early.Asset}'s inception, its first liquid trading day {early.Date:yyyy-MM-dd} ({early.Reason}): a {definition.Name} token can start on {early.Date:yyyy-MM-dd} at the earliest"));
        }

        // The backtest up to inception (when there is enough history before it), from the end of warm-up but never
        // before the assets' inception.
        BacktestRun? run = null;
        var start = Backtester.DefaultStart(data, instance);
        var end = Array.BinarySearch(data.Dates, date);
        if (end - start >= 2)
        {
            run = Backtester.Run(data, instance, portfolios.Options, start, end);
        }

        var nav = initialNav ?? InitialNav;
        var result = await ledger.CreateTokenAsync(symbol, name ?? $"{definition.Name} token", definition.Name, Common.UnitPrice.Of(nav), date, FeeSchedule.Default.WithHurdle(hurdle), ct);
        if (!result.Accepted)
        {
            throw new DomainException(result.Error.ToOutcome(), result.Message ?? result.Error.ToString());
        }

        var canonical = result.Symbol ?? symbol;
        var breaker = BreakerLimit.Derive(run?.From, run?.To, run is null ? null : AnalyticsBoundary.ToMetric(-run.Metrics.MaxDrawdown.Depth), lifecycle ?? new LifecycleOptions());
        var backing = new TokenBacking(canonical, definition.Name, instance.Parameters, date, date, breaker);
        var summary = run is null
            ? new Dictionary<string, object?> { ["note"] = "not enough history before inception for a backtest" }
            : new Dictionary<string, object?>
            {
                ["strategy"] = definition.Name,
                ["parameters"] = instance.Parameters,
                ["from"] = run.From,
                ["to"] = run.To,
                ["final_equity"] = run.Result.FinalEquity,
                ["total_return"] = run.Metrics.TotalReturn,
                ["cagr"] = run.Metrics.Cagr,
                ["volatility"] = run.Metrics.AnnualVolatility,
                ["sharpe"] = run.Metrics.Sharpe,
                ["sortino"] = run.Metrics.Sortino,
                ["calmar"] = run.Metrics.Calmar,
                ["risk_free"] = run.Metrics.RiskFree,
                ["risk_free_rate"] = run.Metrics.RiskFreeRate,
                ["undefined_ratios"] = run.Metrics.UndefinedRatios,
                ["max_drawdown"] = run.Metrics.MaxDrawdown.Depth,
                ["trades"] = run.Result.TradeCount,
                ["fees_paid"] = run.Result.FeesPaid,
                ["equity"] = run.Result.Dates.Select((d, i) => new object[] { d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Math.Round(run.Result.Equity[i], 2) }),
            };
        if (!await store.TryAddBackingAsync(backing, JsonSerializer.Serialize(summary, Json), ct))
        {
            throw new DomainException(Outcome.TokenExists, $"token {canonical} already has a backing");
        }

        return new TokenIssue(canonical, definition.Name, date, nav, run?.From, run?.To,
            run is null ? null : AnalyticsBoundary.ToMetric(run.Metrics.TotalReturn),
            run?.Metrics.Sharpe is { } sharpe ? AnalyticsBoundary.ToMetric(sharpe) : null,
            run is null ? null : AnalyticsBoundary.ToMetric(-run.Metrics.MaxDrawdown.Depth), breaker);
    }
}
