using System.Globalization;

namespace TreasuryArena.Core.Nav;

/// <summary>
/// The lifecycle rules, applied by the NAV engine after each day's NAV:
/// a <c>proving</c> token is promoted to <c>active</c> once its paper track record is at least
/// <see cref="LifecycleOptions.MinProvingDays"/> long, its Sharpe over the T-bill is defined (at least 90 daily returns
/// and volatility above the floor of <c>Quant.RatioRules</c>) and at least <see cref="LifecycleOptions.MinSharpe"/>
/// and its max drawdown is no deeper than <see cref="LifecycleOptions.MaxDrawdown"/>;
/// an <c>active</c> token whose NAV falls <see cref="LifecycleOptions.BreakerDrawdown"/> or more below its peak
/// (the high since inception, or since an admin last resumed it) is paused: buys stop, sells stay open.
/// </summary>
public static class LifecycleGates
{
    /// <summary>
    /// The promotion gate. <paramref name="sharpe"/> is null when undefined under <c>RatioRules</c> (too few returns, volatility
    /// below the floor); <paramref name="sharpeUndefined"/> says why, and the token keeps proving with that reason.
    /// </summary>
    public static LifecycleDecision EvaluateProving(int trackRecordDays, decimal? sharpe, decimal maxDrawdown, LifecycleOptions options, string? sharpeUndefined = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (trackRecordDays < options.MinProvingDays)
        {
            failures.Add(F($"track record {trackRecordDays} days < {options.MinProvingDays}"));
        }

        if (sharpe is not { } s || s < options.MinSharpe)
        {
            failures.Add(sharpe is { } v ? F($"Sharpe {v:0.00} < {options.MinSharpe:0.00}") : "Sharpe undefined (" + (sharpeUndefined ?? "not measurable") + ")");
        }

        if (maxDrawdown > options.MaxDrawdown)
        {
            failures.Add(F($"max drawdown {maxDrawdown:P1} > {options.MaxDrawdown:P0}"));
        }

        return failures.Count == 0
            ? new LifecycleDecision(LifecycleAction.Promote, F($"Promoted: {trackRecordDays}-day track record with Sharpe {sharpe:0.00} ≥ {options.MinSharpe:0.00} and max drawdown {maxDrawdown:P1} ≤ {options.MaxDrawdown:P0}."))
            : new LifecycleDecision(LifecycleAction.None, "Still proving: " + string.Join("; ", failures) + ".");
    }

    public static LifecycleDecision EvaluateBreaker(DateOnly date, decimal nav, decimal peak, LifecycleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (peak <= 0m)
        {
            return new LifecycleDecision(LifecycleAction.None, "no peak yet");
        }

        var drawdown = 1m - (nav / peak);
        return drawdown >= options.BreakerDrawdown
            ? new LifecycleDecision(LifecycleAction.Pause, F($"Drawdown breaker on {date:yyyy-MM-dd}: NAV {nav:0.####} is {drawdown:P1} below its high-water mark {peak:0.####} (limit {options.BreakerDrawdown:P0}); buys are paused, sells stay open."))
            : new LifecycleDecision(LifecycleAction.None, F($"drawdown {drawdown:P1} within the {options.BreakerDrawdown:P0} breaker"));
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
