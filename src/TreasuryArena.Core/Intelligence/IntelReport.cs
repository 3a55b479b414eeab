namespace TreasuryArena.Core.Intelligence;

/// <summary>Everything <c>arena intel</c> prints: the snapshot, the phase with its evidence, the signal and the triggers.</summary>
/// <param name="Snapshot">The indicators.</param>
/// <param name="Phase">The phase assessment.</param>
/// <param name="Signal">The target allocation.</param>
/// <param name="Triggers">Rebalance triggers against <paramref name="Reference"/>.</param>
/// <param name="Reference">What the triggers compared with: the caller's allocation, or the previous day's signal.</param>
/// <param name="Notes">Remarks for the reader (e.g. which as-of date was chosen and why).</param>
/// <param name="PhaseUnknownReason">
/// Set when no phase may be reported: a live read in which no indicator is fresh (every source failed, answered empty or
/// only with values older than their freshness). The phase is then unknown, whatever <paramref name="Phase"/> computed
/// from the stale or missing inputs; null otherwise.
/// </param>
public sealed record IntelReport(
    MarketSnapshot Snapshot,
    PhaseAssessment Phase,
    AllocationSignal Signal,
    IReadOnlyList<RebalanceTrigger> Triggers,
    string Reference,
    IReadOnlyList<string> Notes,
    string? PhaseUnknownReason = null)
{
    /// <summary>The wire name of the phase: <c>UNKNOWN</c> when <see cref="PhaseUnknownReason"/> is set.</summary>
    public string PhaseName => PhaseUnknownReason is null ? Phase.Phase.ToWire() : "UNKNOWN";
}
