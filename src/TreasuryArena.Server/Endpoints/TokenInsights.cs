using TreasuryArena.Core.Common;
using TreasuryArena.Core.Nav;
using TreasuryArena.Core.Quant;
using TreasuryArena.Core.Strategies;
using TreasuryArena.Core.Tokens;
using TreasuryArena.Server.Contracts;

namespace TreasuryArena.Server.Endpoints;

/// <summary>
/// Adds a token's performance to its ledger figures: 90-day return (the NAV change NAV_t / NAV_{t−90} − 1), volatility,
/// Sharpe (over the T-bill, null when undefined under <c>RatioRules</c>) and max drawdown from the stored NAV history (the
/// rows the daily NAV step wrote), the risk-free rate the Sharpe used, the NAV change over 1 and 30 days, a weekly NAV sparkline, the
/// strategy's description, and for the info page the full NAV history and lifecycle events. Nothing is computed here
/// that the NAV step did not record, except the window returns, changes and drawdown read off those rows.
/// </summary>
public static class TokenInsights
{
    /// <summary>The list's window: the latest NAV point and the 90 before it.</summary>
    public const int Window = 90;

    /// <summary>Days between two sparkline points.</summary>
    public const int SparklineStepDays = 7;

    /// <summary>The info form: the summary plus every stored NAV point, the lifecycle and the metrics table.</summary>
    public static async Task<TokenResponse> DescribeAsync(TokenView view, INavStore store, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(view);
        return Describe(view, await LoadDetailAsync(store, view.Token.Symbol, null, ct));
    }

    /// <summary>What <see cref="Describe"/> reads from the NAV store for one token: every NAV row and the lifecycle.</summary>
    /// <param name="store">The NAV store.</param>
    /// <param name="symbol">The token.</param>
    /// <param name="lifecycleOptions">The options a limit not stored yet is derived under (a token issued before limits were stored).</param>
    /// <param name="ct">Cancellation.</param>
    public static async Task<StoredDetail> LoadDetailAsync(INavStore store, string symbol, LifecycleOptions? lifecycleOptions, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        var stored = await LoadAsync(store, symbol, full: true, ct);
        var events = await store.EventsAsync(symbol, ct);
        var lifecycle = events.Select(e => new LifecycleEventResponse(e.Date, e.From, e.To, e.Actor, e.Reason)).ToList();
        var backing = await store.FindBackingAsync(symbol, ct);
        var limit = backing is null ? null : backing.Breaker ?? BreakerLimit.FromStoredBacktest(await store.FindBacktestAsync(symbol, ct), lifecycleOptions ?? new LifecycleOptions());
        return new StoredDetail(stored, lifecycle, events, limit, backing?.BreakerReference);
    }

    /// <summary>A token's breaker state from its stored detail and its status now (null without a backing).</summary>
    public static BreakerState? BreakerOf(TokenView view, StoredDetail detail, LifecycleOptions? lifecycleOptions)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(detail);
        return detail is { Limit: { } limit, BreakerReference: { } reference }
            ? BreakerState.Compute(limit, reference, view.Token.Status, [.. detail.Insight.Rows.Select(r => (r.Date, r.Nav))], detail.Events ?? [], lifecycleOptions ?? new LifecycleOptions())
            : null;
    }

    /// <summary>The info form of a token from the ledger's view and its stored rows and lifecycle.</summary>
    public static TokenResponse Describe(TokenView view, StoredDetail detail, RiskFreeCurve? riskFree = null, LifecycleOptions? lifecycleOptions = null)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(detail);
        var stored = detail.Insight;
        var lifecycle = detail.Lifecycle;
        var summary = Summarise(view, stored, riskFree);
        var rows = stored.Rows;
        return new TokenResponse(summary)
        {
            NavHistory = [.. rows.Select(r => new NavPointResponse(r.Date, r.Nav, r.DailyReturn, r.Drawdown, r.Sharpe90, r.Volatility90, r.ManagementFee, r.PerformanceFee))],
            Lifecycle = lifecycle,
            Breaker = BreakerOf(view, detail, lifecycleOptions) is { } breaker ? TokenBreakerInfoResponse.From(breaker) : null,
            Metrics = rows.Count == 0
                ? null
                : new Dictionary<string, decimal?>(StringComparer.Ordinal)
                {
                    ["return_90d"] = summary.Return90d,
                    ["volatility_90d"] = summary.Volatility90d,
                    ["sharpe_90d"] = summary.Sharpe90d,
                    ["max_drawdown_90d"] = summary.MaxDrawdown90d,
                    ["drawdown_from_hwm"] = summary.Drawdown,
                    ["return_since_inception"] = (rows[^1].Nav / rows[0].Nav) - 1m,
                    ["change_1d"] = summary.Change1d,
                    ["change_30d"] = summary.Change30d,
                },
        };
    }

    /// <summary>What <see cref="Summarise"/> reads from the NAV store for one token (the list's window, or all for the info page).</summary>
    public static async Task<StoredInsight> LoadAsync(INavStore store, string symbol, bool full, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        var rows = await store.HistoryAsync(symbol, full ? null : Window + 1, ct);
        var backing = await store.FindBackingAsync(symbol, ct);
        return new StoredInsight(rows, backing?.Strategy);
    }

    /// <summary>The list's form of a token from the ledger's view and its stored NAV rows (oldest first; at least the last <see cref="Window"/> + 1).</summary>
    /// <param name="view">The ledger's view of the token.</param>
    /// <param name="stored">Its stored NAV rows.</param>
    /// <param name="riskFree">The curve the NAV step's Sharpe used (named in <c>risk_free</c>, averaged over the window in <c>risk_free_rate_90d</c>).</param>
    public static TokenSummaryResponse Summarise(TokenView view, StoredInsight stored, RiskFreeCurve? riskFree = null)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(stored);
        var rows = stored.Rows;
        var description = StrategyLibrary.TryGet(stored.Strategy ?? view.Token.StrategyId, out var definition) ? definition.Description : null;
        var summary = TokenSummaryResponse.From(view) with { Description = description };
        if (rows.Count == 0)
        {
            return summary;
        }

        var window = rows.Count > Window + 1 ? rows.Skip(rows.Count - Window - 1).ToList() : rows;
        var last = rows[^1];
        var maxDrawdown = -Drawdowns.Deepest([.. window.Select(r => r.Nav)]);

        var curve = riskFree ?? RiskFreeCurve.None;
        var rate = RiskFreeCurve.Annualised(curve.PerPeriod([.. window.Select(r => r.Date)]), 365);
        return summary with
        {
            Return90d = ChangeOver(rows, Window),
            RiskFree = curve.Name,
            RiskFreeRate90d = window.Count > 1 ? AnalyticsBoundary.ToMetric(rate) : null,
            Volatility90d = last.Volatility90,
            Sharpe90d = last.Sharpe90,
            MaxDrawdown90d = window.Count > 1 ? RoundingPolicy.Ratio(maxDrawdown) : null,
            Drawdown = last.Drawdown,
            NavDate = last.Date,
            Change1d = ChangeOver(rows, 1),
            Change30d = ChangeOver(rows, 30),
            Sparkline = Sparkline(window),
        };
    }

    /// <summary>Latest NAV / the NAV on the last point on or before <paramref name="days"/> days earlier − 1; null without such a point.</summary>
    public static decimal? ChangeOver(IReadOnlyList<NavHistoryRow> rows, int days)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return null;
        }

        var since = rows[^1].Date.AddDays(-days);
        for (var i = rows.Count - 2; i >= 0; i--)
        {
            if (rows[i].Date <= since)
            {
                return rows[i].Nav == 0m ? null : RoundingPolicy.Ratio((rows[^1].Nav / rows[i].Nav) - 1m);
            }
        }

        return null;
    }

    /// <summary>
    /// NAV numbers every <see cref="SparklineStepDays"/> days back from the latest point (the last point on or before
    /// each date, each point once), and the window's first point, oldest first.
    /// </summary>
    public static IReadOnlyList<decimal> Sparkline(IReadOnlyList<NavHistoryRow> window)
    {
        ArgumentNullException.ThrowIfNull(window);
        if (window.Count == 0)
        {
            return [];
        }

        var picked = new List<int>();
        var i = window.Count - 1;
        for (var due = window[^1].Date; due >= window[0].Date; due = due.AddDays(-SparklineStepDays))
        {
            while (window[i].Date > due)
            {
                i--;
            }

            if (picked.Count == 0 || picked[^1] != i)
            {
                picked.Add(i);
            }
        }

        if (picked[^1] != 0)
        {
            picked.Add(0);
        }

        picked.Reverse();
        return [.. picked.Select(k => window[k].Nav)];
    }
}
