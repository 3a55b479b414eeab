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
        var state = status switch
        {
            TokenStatus.Proving => ProvingState,
            TokenStatus.Active => ArmedState,
            TokenStatus.Paused when pause is { AutoReview: true } => TrippedState,
            TokenStatus.Paused when by == "breaker" => HeldState,
            TokenStatus.Paused => PausedByAdminState,
            _ => RetiredState,
        };
        decimal? tripsAt = state == ArmedState && peak is { } top ? RoundingPolicy.PriceDown(top * (1m - limit.Limit)) : null;
        return new BreakerState(limit, reference, peak, peakDate, drawdown, pause?.PausedOn, by, pause?.AutoReview ?? false, trough, troughDate, resumeAt, resumeOn, recovered)
        {
            State = state,
            TrippedAt = by == "breaker" ? pause?.PausedOn : null,
            TripsAtNav = tripsAt,
            ResumeRule = Rule(state, limit, tripsAt, resumeAt, resumeOn, trough, options),
        };
    }

    /// <summary>An active token the breaker watches: it pauses buys once the NAV is <see cref="BreakerLimit.Limit"/> below the peak.</summary>
    public const string ArmedState = "armed";

    /// <summary>A proving token: not live yet, its drawdown from inception is a proving gate; the breaker arms at promotion.</summary>
    public const string ProvingState = "proving";

    /// <summary>Paused by the breaker, the automatic review running (it resumes by recovery or cooling-off).</summary>
    public const string TrippedState = "tripped";

    /// <summary>Paused by the breaker and held by an admin: no automatic review; an admin resumes it.</summary>
    public const string HeldState = "held";

    /// <summary>Paused by an admin: no automatic review; an admin resumes it.</summary>
    public const string PausedByAdminState = "paused_by_admin";

    /// <summary>Retired: no breaker.</summary>
    public const string RetiredState = "retired";

    /// <summary>The breaker in one word: armed, proving, tripped, held, paused_by_admin or retired (the same word in the token's info, <c>arena tokens</c> and the admin's breaker list).</summary>
    public string State { get; init; } = ArmedState;

    /// <summary>The day the breaker paused the token (its current pause; also when an admin has since held it); null otherwise.</summary>
    public DateOnly? TrippedAt { get; init; }

    /// <summary>Armed: the NAV at or below which the breaker pauses buys, peak × (1 − limit), rounded down to 10⁻⁸.</summary>
    public decimal? TripsAtNav { get; init; }

    /// <summary>What trips or resumes the breaker from its current state, in words (the configured review rule with this token's numbers).</summary>
    public string ResumeRule { get; init; } = "";

    /// <summary>The review rule for any token paused by the breaker, in words (<see cref="LifecycleOptions"/>).</summary>
    public static string ReviewRule(LifecycleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"a breaker pause resumes by itself once the NAV is back {BreakerLimit.Pct(options.ResumeRecoveryFraction)} of the way from its trough to the pause-time peak, or after {options.ResumeCoolingOffDays} days without a new low; an admin's pause or hold waits for an admin to resume it");
    }

    private static string Rule(string state, BreakerLimit limit, decimal? tripsAt, decimal? resumeAt, DateOnly? resumeOn, decimal? trough, LifecycleOptions options)
    {
        static string F(FormattableString s) => s.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var at = tripsAt is { } t ? F($" (NAV {t:0.####} or lower)") : "";
        return state switch
        {
            ArmedState => F($"trips when the NAV is {BreakerLimit.Pct(limit.Limit)} below its live peak{at}: buys pause; then {ReviewRule(options)}"),
            ProvingState => F($"not live yet (proving): the breaker arms when the token goes live and pauses buys once the NAV is {BreakerLimit.Pct(limit.Limit)} below its live peak"),
            TrippedState => F($"resumes by itself at NAV {resumeAt:0.####} ({BreakerLimit.Pct(options.ResumeRecoveryFraction)} of the way back from the trough {trough:0.####}) or on {resumeOn:yyyy-MM-dd} if it makes no new low"),
            HeldState => "tripped by the breaker and held by an admin: no automatic review; an admin resumes it",
            PausedByAdminState => "paused by an admin: no automatic review; an admin resumes it",
            _ => "retired: no more buys or NAV steps; the breaker no longer applies",
        };
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
