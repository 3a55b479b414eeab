namespace TreasuryArena.Core.Quant;

/// <summary>
/// The maximum drawdown of a wealth path that starts at 1 (the start counts as a peak).
/// Indices refer to points of the wealth path: 0 is the start (the first price), i is the point after return i - 1.
/// When the path never falls below a previous peak, <see cref="Depth"/> is 0 and the indices are null.
/// </summary>
/// <param name="Depth">min_t (V_t / max_{s≤t} V_s - 1), a non-positive number.</param>
/// <param name="PeakIndex">Index of the peak before the deepest trough.</param>
/// <param name="TroughIndex">Index of the deepest trough.</param>
/// <param name="RecoveryIndex">First index after the trough at which the peak value is regained; null when never.</param>
/// <param name="PeakDate">Date of the peak when dates were given.</param>
/// <param name="TroughDate">Date of the trough when dates were given.</param>
/// <param name="RecoveryDate">Date of the recovery when dates were given and the peak was regained.</param>
/// <param name="DurationPeriods">Periods from peak to recovery (or to the last point when not recovered).</param>
/// <param name="DurationDays">Calendar days from peak to recovery (or to the last date when not recovered), when dates were given.</param>
public sealed record Drawdown(
    double Depth,
    int? PeakIndex,
    int? TroughIndex,
    int? RecoveryIndex,
    DateOnly? PeakDate,
    DateOnly? TroughDate,
    DateOnly? RecoveryDate,
    int? DurationPeriods,
    int? DurationDays)
{
    /// <summary>True when the wealth path regained its pre-drawdown peak.</summary>
    public bool Recovered => RecoveryIndex is not null;
}
