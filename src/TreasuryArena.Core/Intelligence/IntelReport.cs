namespace TreasuryArena.Core.Intelligence;

/// <summary>Everything <c>arena intel</c> prints: the snapshot, the phase with its evidence, the signal and the triggers.</summary>
/// <param name="Snapshot">The indicators.</param>
/// <param name="Phase">The phase assessment.</param>
/// <param name="Signal">The target allocation.</param>
/// <param name="Triggers">Rebalance triggers against <paramref name="Reference"/>.</param>
/// <param name="Reference">What the triggers compared with: the caller's allocation, or the previous day's signal.</param>
/// <param name="Notes">Remarks for the reader (e.g. which as-of date was chosen and why).</param>
public sealed record IntelReport(
    MarketSnapshot Snapshot,
    PhaseAssessment Phase,
    AllocationSignal Signal,
    IReadOnlyList<RebalanceTrigger> Triggers,
    string Reference,
    IReadOnlyList<string> Notes);
