using System.Globalization;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Quant;

namespace TreasuryArena.Core.Nav;

/// <summary>
/// The lifecycle rules, applied by the NAV engine after each day's NAV:
/// a <c>proving</c> token is promoted to <c>active</c> once its paper track record is at least
/// <see cref="LifecycleOptions.MinProvingDays"/> long, its Sharpe over the T-bill is defined (at least 90 daily returns
/// and volatility above the floor of <c>Quant.RatioRules</c>) and at least <see cref="LifecycleOptions.MinSharpe"/>
/// and its max drawdown is no deeper than its own breaker limit (or <see cref="LifecycleOptions.MaxDrawdown"/> when set);
/// an <c>active</c> token whose NAV falls its own breaker limit (<see cref="BreakerLimit"/>: a multiple of its backtested
/// worst drawdown, floored and capped) or more below its peak since it went live (or was last resumed) is paused: buys
/// stop, sells and holdings stay open; a token paused by the breaker is reviewed every day and resumes on its own once
/// it has recovered part of the way back or its drawdown has stopped deepening (<see cref="EvaluateReview"/>).
/// </summary>
public static class LifecycleGates
{
    /// <summary>
    /// The promotion gate. <paramref name="sharpe"/> is null when undefined under <c>RatioRules</c> (too few returns, volatility
    /// below the floor); <paramref name="sharpeUndefined"/> says why, and the token keeps proving with that reason.
    /// The drawdown limit is <see cref="LifecycleOptions.MaxDrawdown"/> when configured, else the token's breaker
    /// <paramref name="limit"/> (else the breaker floor): promotion asks that the paper record stayed in character.
    /// </summary>
    public static LifecycleDecision EvaluateProving(int trackRecordDays, decimal? sharpe, decimal maxDrawdown, LifecycleOptions options, string? sharpeUndefined = null, BreakerLimit? limit = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var (drawdownLimit, source) = PromotionDrawdownLimit(options, limit);
        var failures = new List<string>();
        if (trackRecordDays < options.MinProvingDays)
        {
            failures.Add(F($"track record {trackRecordDays} days < {options.MinProvingDays}"));
        }

        if (sharpe is not { } s || s < options.MinSharpe)
        {
            failures.Add(sharpe is { } v ? F($"Sharpe {v:0.00} < {options.MinSharpe:0.00}") : "Sharpe undefined (" + (sharpeUndefined ?? "not measurable") + ")");
        }

        if (maxDrawdown > drawdownLimit)
        {
            failures.Add($"max drawdown {BreakerLimit.Pct(maxDrawdown)} > {BreakerLimit.Pct(drawdownLimit)} ({source})");
        }

        return failures.Count == 0
            ? new LifecycleDecision(LifecycleAction.Promote, F($"Promoted: {trackRecordDays}-day track record with Sharpe {sharpe:0.00} ≥ {options.MinSharpe:0.00} and max drawdown {BreakerLimit.Pct(maxDrawdown)} ≤ {BreakerLimit.Pct(drawdownLimit)} ({source})."))
            : new LifecycleDecision(LifecycleAction.None, "Still proving: " + string.Join("; ", failures) + ".");
    }

    /// <summary>The promotion gate's drawdown limit and its source in words.</summary>
    public static (decimal Limit, string Source) PromotionDrawdownLimit(LifecycleOptions options, BreakerLimit? limit)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.MaxDrawdown is { } flat
            ? (flat, "configured limit")
            : limit is not null
                ? (limit.Limit, "its breaker limit")
                : (options.BreakerFloor, "the breaker floor");
    }

    /// <summary>
    /// The drawdown breaker of an active token: paused when its NAV is <paramref name="limit"/>.Limit or more below
    /// <paramref name="peak"/>, its highest NAV since it went live (or was last resumed).
    /// </summary>
    public static LifecycleDecision EvaluateBreaker(DateOnly date, decimal nav, decimal peak, DateOnly? peakDate, BreakerLimit limit)
    {
        ArgumentNullException.ThrowIfNull(limit);
        if (peak <= 0m)
        {
            return new LifecycleDecision(LifecycleAction.None, "no peak yet");
        }

        var drawdown = Drawdowns.BelowPeak(peak, nav) ?? 0m;
        var since = peakDate is { } pd ? F($" on {pd:yyyy-MM-dd}") : "";
        return drawdown >= limit.Limit
            ? new LifecycleDecision(LifecycleAction.Pause, F($"Drawdown breaker on {date:yyyy-MM-dd}: NAV {nav:0.####} is {BreakerLimit.Pct(drawdown)} below its live peak {peak:0.####}{since}, beyond its {limit.Describe()}; buys are paused, sells and holdings stay open, and the pause is reviewed daily."))
            : new LifecycleDecision(LifecycleAction.None, F($"drawdown {BreakerLimit.Pct(Math.Max(0m, drawdown))} within the {BreakerLimit.Pct(limit.Limit)} breaker"));
    }

    /// <summary>
    /// The NAV at which a paused token resumes by recovery: <paramref name="trough"/> + <see cref="LifecycleOptions.ResumeRecoveryFraction"/>
    /// × (<paramref name="peak"/> − <paramref name="trough"/>), rounded up to 10⁻⁸.
    /// </summary>
    public static decimal ResumeLevel(decimal peak, decimal trough, LifecycleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return ResumeLevel(peak, trough, options.ResumeRecoveryFraction);
    }

    /// <summary>
    /// The recovery rule shared by the token and the wallet breakers' reviews: <paramref name="trough"/> +
    /// <paramref name="fraction"/> × (<paramref name="peak"/> − <paramref name="trough"/>), rounded up to 10⁻⁸.
    /// </summary>
    public static decimal ResumeLevel(decimal peak, decimal trough, decimal fraction) =>
        RoundingPolicy.PriceUp(trough + (fraction * Math.Max(0m, peak - trough)));

    /// <summary>The first day a paused token resumes by the cooling-off rule if it makes no new low after <paramref name="troughDate"/>.</summary>
    public static DateOnly CoolingOffEnds(DateOnly troughDate, LifecycleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return troughDate.AddDays(options.ResumeCoolingOffDays);
    }

    /// <summary>
    /// The automatic review of a token paused by the breaker, on <paramref name="date"/> (after its NAV step). It resumes when
    /// either (1) <b>recovery</b>: its NAV is back at least <see cref="LifecycleOptions.ResumeRecoveryFraction"/> of the way
    /// from the trough (lowest NAV since the pause) to the pause-time <paramref name="peak"/>, or (2) <b>cooling-off</b>:
    /// its NAV has made no new low for <see cref="LifecycleOptions.ResumeCoolingOffDays"/> days (the trough is that old),
    /// so the drawdown has stopped deepening. Otherwise it stays paused and the reason gives the progress.
    /// </summary>
    public static LifecycleDecision EvaluateReview(DateOnly date, decimal nav, decimal peak, decimal trough, DateOnly troughDate, LifecycleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var level = ResumeLevel(peak, trough, options);
        var ends = CoolingOffEnds(troughDate, options);
        var recovered = peak > trough ? (nav - trough) / (peak - trough) : 1m;
        if (nav >= level)
        {
            return new LifecycleDecision(LifecycleAction.Resume, F($"Automatic review on {date:yyyy-MM-dd}: NAV {nav:0.####} has recovered {BreakerLimit.Pct(recovered)} of the way from its trough {trough:0.####} ({troughDate:yyyy-MM-dd}) to its pause-time peak {peak:0.####} (resume level {level:0.####} = {BreakerLimit.Pct(options.ResumeRecoveryFraction)} of the way); buys reopen and the breaker measures its peak from today."));
        }

        if (date >= ends)
        {
            return new LifecycleDecision(LifecycleAction.Resume, F($"Automatic review on {date:yyyy-MM-dd}: no new low for {date.DayNumber - troughDate.DayNumber} days (trough {trough:0.####} on {troughDate:yyyy-MM-dd}; cooling-off {options.ResumeCoolingOffDays} days), so the drawdown has stopped deepening; NAV {nav:0.####} is {BreakerLimit.Pct(recovered)} of the way back to the pause-time peak {peak:0.####}; buys reopen and the breaker measures its peak from today."));
        }

        return new LifecycleDecision(LifecycleAction.None, F($"paused: resumes at NAV {level:0.####} ({BreakerLimit.Pct(recovered)} of the way back, {BreakerLimit.Pct(options.ResumeRecoveryFraction)} needed) or on {ends:yyyy-MM-dd} if no new low below {trough:0.####}"));
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
