using System.ComponentModel;
using TreasuryArena.Core.Nav;

namespace TreasuryArena.Server.Contracts;

/// <summary>
/// A token's drawdown breaker on its info page (<c>breaker</c>): the limit and where it came from, the peak it is
/// measured from and the drawdown now, and while paused the automatic review's progress. Fractions are positive.
/// </summary>
public sealed record TokenBreakerInfoResponse
{
    [Description("Drawdown from the live peak that pauses buys (positive fraction).")]
    public required decimal Limit { get; init; }

    [Description("Where the limit came from: backtest (multiple × the backtested worst drawdown), floor or cap (that product was outside the bounds), short_backtest or no_backtest (the floor: no backtest documents the risk).")]
    public required string Source { get; init; }

    [Description("The limit in words, e.g. \"breaker 37.5% = 1.25 × backtested worst drawdown 30.0% (2019-01-01→2020-12-31)\".")]
    public required string Description { get; init; }

    [Description("Worst drawdown of the backtest stored at issue (positive fraction); null without a backtest.")]
    public decimal? BacktestMaxDrawdown { get; init; }

    public DateOnly? WindowFrom { get; init; }

    public DateOnly? WindowTo { get; init; }

    public required decimal Multiple { get; init; }

    public required decimal Floor { get; init; }

    public required decimal Cap { get; init; }

    [Description("The date the peak is measured from: the day the token went live (promotion to active) or was last resumed; its inception while proving.")]
    public required DateOnly MeasuredFrom { get; init; }

    [Description("Highest NAV since measured_from (while paused: the pause-time peak); null before a NAV.")]
    public decimal? Peak { get; init; }

    public DateOnly? PeakDate { get; init; }

    [Description("1 − NAV / peak on the latest NAV (positive fraction).")]
    public decimal? Drawdown { get; init; }

    [Description("Date of the current pause; null when not paused.")]
    public DateOnly? PausedOn { get; init; }

    [Description("Who paused it: breaker or admin; null when not paused.")]
    public string? PausedBy { get; init; }

    [Description("Whether the automatic review applies (a breaker pause no admin has held).")]
    public required bool AutoReview { get; init; }

    [Description("Lowest NAV since the pause, and its date.")]
    public decimal? Trough { get; init; }

    public DateOnly? TroughDate { get; init; }

    [Description("The NAV at which the review resumes it (trough + the recovery fraction × (peak − trough)).")]
    public decimal? ResumeAtNav { get; init; }

    [Description("The day the review resumes it if its NAV makes no new low before (trough date + the cooling-off days).")]
    public DateOnly? ResumeOnIfNoNewLow { get; init; }

    [Description("Share of the way from the trough back to the peak recovered so far.")]
    public decimal? Recovered { get; init; }

    [Description("The review's progress in words while paused; null otherwise.")]
    public string? Review { get; init; }

    [Description("The breaker in one word: armed (active, watched), proving (not live yet), tripped (paused by the breaker, the automatic review running), held (paused by the breaker, held by an admin), paused_by_admin, retired.")]
    public string State { get; init; } = BreakerState.ArmedState;

    [Description("The day the breaker paused the token (its current pause); null when the breaker has not paused it.")]
    public DateOnly? TrippedAt { get; init; }

    [Description("While armed: the NAV at or below which the breaker pauses buys, peak × (1 − limit).")]
    public decimal? TripsAtNav { get; init; }

    [Description("What trips or resumes the breaker from its current state, in words.")]
    public string ResumeRule { get; init; } = "";

    public static TokenBreakerInfoResponse From(BreakerState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var l = state.Limit;
        return new TokenBreakerInfoResponse
        {
            Limit = l.Limit,
            Source = l.SourceName,
            Description = l.Describe(),
            BacktestMaxDrawdown = l.BacktestMaxDrawdown,
            WindowFrom = l.WindowFrom,
            WindowTo = l.WindowTo,
            Multiple = l.Multiple,
            Floor = l.Floor,
            Cap = l.Cap,
            MeasuredFrom = state.Reference,
            Peak = state.Peak,
            PeakDate = state.PeakDate,
            Drawdown = state.Drawdown,
            PausedOn = state.PausedOn,
            PausedBy = state.PausedBy,
            AutoReview = state.AutoReview,
            Trough = state.Trough,
            TroughDate = state.TroughDate,
            ResumeAtNav = state.ResumeAtNav,
            ResumeOnIfNoNewLow = state.ResumeOnIfNoNewLow,
            Recovered = state.Recovered,
            Review = state.Progress(),
            State = state.State,
            TrippedAt = state.TrippedAt,
            TripsAtNav = state.TripsAtNav,
            ResumeRule = state.ResumeRule,
        };
    }
}
