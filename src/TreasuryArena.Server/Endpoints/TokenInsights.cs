using TreasuryArena.Core.Nav;
using TreasuryArena.Core.Strategies;
using TreasuryArena.Core.Tokens;
using TreasuryArena.Server.Contracts;

namespace TreasuryArena.Server.Endpoints;

/// <summary>
/// Adds a token's performance to its ledger figures: 90-day return, volatility, Sharpe and max drawdown from the stored
/// NAV history (the rows the daily NAV step wrote), the strategy's description, and for the info page the full NAV
/// history and lifecycle events. Nothing is computed here that the NAV step did not record, except the 90-day window
/// return and drawdown read off those rows.
/// </summary>
public static class TokenInsights
{
    private const int Window = 90;

    public static async Task<TokenResponse> DescribeAsync(TokenView view, INavStore store, bool full, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(store);
        var symbol = view.Token.Symbol;
        var stored = await LoadAsync(store, symbol, full, ct);
        return Describe(view, stored, full ? await LifecycleAsync(store, symbol, ct) : null);
    }

    /// <summary>What <see cref="Describe"/> reads from the NAV store for one token (the list's window, or all for the info page).</summary>
    public static async Task<StoredInsight> LoadAsync(INavStore store, string symbol, bool full, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        var rows = await store.HistoryAsync(symbol, full ? null : Window + 1, ct);
        var backing = await store.FindBackingAsync(symbol, ct);
        return new StoredInsight(rows, backing?.Strategy);
    }

    /// <summary>The response from the ledger's view and the stored rows; <paramref name="lifecycle"/> non-null for the full (info) form.</summary>
    public static TokenResponse Describe(TokenView view, StoredInsight stored, IReadOnlyList<LifecycleEventResponse>? lifecycle)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(stored);
        var full = lifecycle is not null;
        var rows = stored.Rows;
        var description = StrategyLibrary.TryGet(stored.Strategy ?? view.Token.StrategyId, out var definition) ? definition.Description : null;
        var baseResponse = TokenResponse.From(view);
        if (rows.Count == 0)
        {
            return baseResponse with { Description = description, NavHistory = full ? [] : null, Lifecycle = lifecycle };
        }

        var window = rows.Count > Window + 1 ? rows.Skip(rows.Count - Window - 1).ToList() : rows;
        var last = rows[^1];
        var peak = 0m;
        var maxDrawdown = 0m;
        foreach (var r in window)
        {
            peak = Math.Max(peak, r.Nav);
            maxDrawdown = Math.Min(maxDrawdown, (r.Nav / peak) - 1m);
        }

        decimal? return90 = window.Count > 1 ? (last.Nav / window[0].Nav) - 1m : null;
        decimal? drawdown90 = window.Count > 1 ? maxDrawdown : null;
        return baseResponse with
        {
            Description = description,
            Return90d = return90,
            Volatility90d = last.Volatility90,
            Sharpe90d = last.Sharpe90,
            MaxDrawdown90d = drawdown90,
            Metrics = full
                ? new Dictionary<string, decimal?>(StringComparer.Ordinal)
                {
                    ["return_90d"] = return90,
                    ["volatility_90d"] = last.Volatility90,
                    ["sharpe_90d"] = last.Sharpe90,
                    ["max_drawdown_90d"] = drawdown90,
                    ["drawdown_from_hwm"] = last.Drawdown,
                    ["return_since_inception"] = (last.Nav / rows[0].Nav) - 1m,
                }
                : null,
            Drawdown = last.Drawdown,
            NavDate = last.Date,
            NavHistory = (full ? rows : window).Select(r => new NavPointResponse(r.Date, r.Nav, r.DailyReturn, r.Drawdown, r.Sharpe90, r.Volatility90, r.ManagementFee, r.PerformanceFee)).ToList(),
            Lifecycle = lifecycle,
        };
    }

    private static async Task<IReadOnlyList<LifecycleEventResponse>> LifecycleAsync(INavStore store, string symbol, CancellationToken ct) =>
        [.. (await store.EventsAsync(symbol, ct)).Select(e => new LifecycleEventResponse(e.Date, e.From, e.To, e.Actor, e.Reason))];
}
