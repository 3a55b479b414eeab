using TreasuryArena.Core.Common;
using TreasuryArena.Core.Quant;
using TreasuryArena.Core.Tokens;

namespace TreasuryArena.Core.Nav;

/// <summary>
/// A token's drawdown breaker as of its latest NAV: the limit and its source, the peak it is measured from (highest NAV
/// since <see cref="Reference"/>, the go-live or last resume date), the drawdown from it, and while paused the pause,
/// whether the automatic review applies, the trough and what resumes it (<see cref="ResumeAtNav"/> by recovery,
/// <see cref="ResumeOnIfNoNewLow"/> by cooling-off). Fractions are positive.
/// </summary>
public sealed record BreakerState(
    BreakerLimit Limit,
    DateOnly Reference,
    decimal? Peak,
    DateOnly? PeakDate,
    decimal? Drawdown,
    DateOnly? PausedOn,
    string? PausedBy,
    bool AutoReview,
    decimal? Trough,
    DateOnly? TroughDate,
    decimal? ResumeAtNav,
    DateOnly? ResumeOnIfNoNewLow,
    decimal? Recovered)
{
    /// <summary>
    /// The current pause of a paused token from its lifecycle events (oldest first): the date it was paused and whether
    /// the automatic review applies — only when the latest event is the breaker's own pause; an admin's pause, or an
    /// admin's hold of a breaker pause (a paused → paused event), keeps it paused until an admin resumes it.
    /// </summary>
    public static (DateOnly PausedOn, bool AutoReview, string Actor)? CurrentPause(IReadOnlyList<LifecycleEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0 || events[^1].To != TokenStatus.Paused)
        {
            return null;
        }

        var pause = events.LastOrDefault(e => e.To == TokenStatus.Paused && e.From != TokenStatus.Paused) ?? events[^1];
        // A hold is a paused → paused event at or after the pause (by instant: events of one instant may come in any order).
        var held = events.Any(e => e.From == TokenStatus.Paused && e.To == TokenStatus.Paused && e.At >= pause.At && !ReferenceEquals(e, pause));
        var auto = pause.Actor == NavEngine.EngineActor && pause.From == TokenStatus.Active && !held;
        return (pause.Date, auto, pause.Actor);
    }

    /// <summary>The state from the token's NAV track (ascending), its lifecycle events and status.</summary>
    public static BreakerState Compute(
        BreakerLimit limit, DateOnly reference, TokenStatus status, IReadOnlyList<(DateOnly Date, decimal Nav)> navs, IReadOnlyList<LifecycleEvent> events, LifecycleOptions options)
    {
        ArgumentNullException.ThrowIfNull(limit);
        ArgumentNullException.ThrowIfNull(navs);
        ArgumentNullException.ThrowIfNull(options);
        var pause = status == TokenStatus.Paused ? CurrentPause(events) : null;
        decimal? peak = null;
        DateOnly? peakDate = null;
        decimal? trough = null;
        DateOnly? troughDate = null;
        foreach (var (date, nav) in navs)
        {
            // While paused, the peak is the pause-time peak (the reference does not move during a pause).
            if (date >= reference && (pause is not { } p0 || date <= p0.PausedOn) && (peak is null || nav > peak))
            {
                peak = nav;
                peakDate = date;
            }

            if (pause is { } p && date >= p.PausedOn && (trough is null || nav < trough))
            {
                trough = nav;
                troughDate = date;
            }
        }

        var last = navs.Count > 0 ? navs[^1].Nav : (decimal?)null;
        decimal? drawdown = peak is { } pv && last is { } l ? Drawdowns.Reported(pv, l) : null;
        decimal? resumeAt = null;
        DateOnly? resumeOn = null;
        decimal? recovered = null;
        if (pause is { AutoReview: true } && peak is { } pk && trough is { } tr && troughDate is { } td && last is { } now)
        {
            resumeAt = LifecycleGates.ResumeLevel(pk, tr, options);
            resumeOn = LifecycleGates.CoolingOffEnds(td, options);
            recovered = pk > tr ? RoundingPolicy.Ratio((now - tr) / (pk - tr), BreakerLimit.Scale) : 1m;
        }

        var by = pause is { } q ? (q.Actor == NavEngine.EngineActor ? "breaker" : "admin") : null;
        return new BreakerState(limit, reference, peak, peakDate, drawdown, pause?.PausedOn, by, pause?.AutoReview ?? false, trough, troughDate, resumeAt, resumeOn, recovered);
    }

    /// <summary>One line of progress for people while paused (null when not paused).</summary>
    public string? Progress()
    {
        if (PausedOn is not { } on)
        {
            return null;
        }

        if (!AutoReview)
        {
            return string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"paused on {on:yyyy-MM-dd} by {(PausedBy == "breaker" ? "the breaker and held by an admin" : "an admin")}: no automatic review; an admin resumes it");
        }

        return string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"paused by the breaker on {on:yyyy-MM-dd}; resumes at NAV {ResumeAtNav:0.####} (recovered {(Recovered is { } r ? BreakerLimit.Pct(r) : "—")} of the way from the trough {Trough:0.####} on {TroughDate:yyyy-MM-dd} to the peak {Peak:0.####}) or on {ResumeOnIfNoNewLow:yyyy-MM-dd} if it makes no new low");
    }
}
