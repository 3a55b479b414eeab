using TreasuryArena.Core.Ports;

namespace TreasuryArena.Core.Intelligence;

/// <summary>
/// The intelligence use case: snapshot → phase → signal → triggers. Without a recorded allocation the triggers compare
/// with the signal of the day before (the daily decision cadence), so a threshold crossed overnight shows up.
/// </summary>
public sealed class MarketIntelligence(IMarketDataProvider provider, IntelligenceSettings settings)
{
    public IntelligenceSettings Settings => settings;

    /// <summary>Phase and signal for one snapshot (no I/O).</summary>
    public (PhaseAssessment Phase, AllocationSignal Signal) Decide(MarketSnapshot snapshot) => Decide(snapshot, null);

    /// <summary>Phase and signal for one snapshot with the MVRV ladder holding <paramref name="heldRungs"/> rungs sold
    /// (null: the rungs today's Z crosses, the stateless ladder of <c>arena intel</c>).</summary>
    public (PhaseAssessment Phase, AllocationSignal Signal) Decide(MarketSnapshot snapshot, int? heldRungs)
    {
        var phase = PhaseRules.Classify(snapshot, settings.Phase);
        return (phase, SignalRules.Derive(snapshot, phase, settings.Signal, settings.Phase.MaxInputAge, heldRungs));
    }

    public async Task<IntelReport> AssessAsync(
        DateOnly? asOf,
        AllocationState? current,
        IReadOnlyList<SecurityAlert> alerts,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        var snapshot = await provider.GetSnapshotAsync(asOf, cancellationToken);
        var (phase, signal) = Decide(snapshot);
        var notes = new List<string>();
        if (asOf is null)
        {
            notes.Add(provider.Mode == "history"
                ? $"no --as-of given: using the last date of the shipped history with both BTC and ETH closes, {snapshot.Date:yyyy-MM-dd}"
                : $"no --as-of given: live snapshot at {snapshot.AsOf:yyyy-MM-dd HH:mm} UTC");
        }
        else if (asOf > provider.LatestDate)
        {
            notes.Add($"{asOf:yyyy-MM-dd} is after the latest date the {provider.Mode} data covers ({provider.LatestDate:yyyy-MM-dd}): values are stale");
        }

        string reference;
        if (current is null && provider.Mode != "history")
        {
            reference = "no recorded allocation (only emergency triggers are evaluated)";
        }
        else if (current is null)
        {
            var previous = await provider.GetSnapshotAsync(snapshot.Date.AddDays(-1), cancellationToken);
            var (_, previousSignal) = Decide(previous);
            current = AllocationState.From(previousSignal);
            reference = $"signal of {previous.Date:yyyy-MM-dd}";
        }
        else
        {
            reference = "current allocation";
        }

        var triggers = RebalanceTriggers.Evaluate(snapshot, signal, current, alerts, settings.Triggers);
        return new IntelReport(snapshot, phase, signal, triggers, reference, notes, PhaseUnknownReason(provider.Mode, snapshot));
    }

    /// <summary>Why a live snapshot gives no phase: none of its readings is fresh (missing or stale); null when one is, or in history mode.</summary>
    public static string? PhaseUnknownReason(string mode, MarketSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (mode == "history" || snapshot.All.Any(r => !r.IsMissing && !r.Stale))
        {
            return null;
        }

        var missing = snapshot.All.Count(r => r.IsMissing);
        return $"no fresh live source: {missing} of {snapshot.All.Count} indicators missing, the other {snapshot.All.Count - missing} stale; the phase is unknown";
    }
}
