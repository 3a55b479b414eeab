namespace TreasuryArena.Core.Intelligence;

/// <summary>The treasury's current weights (fractions of the whole, summing to 1) and the last decision's marker.</summary>
public sealed record AllocationState(double Base, double Btc, double Eth, DecisionMarker? LastDecision)
{
    public static AllocationState From(AllocationSignal signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        return new AllocationState(signal.Base, signal.Btc, signal.Eth, DecisionMarker.From(signal));
    }
}
