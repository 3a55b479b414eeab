namespace TreasuryArena.Core.Intelligence;

/// <summary>What the last allocation decision was based on, so triggers can tell what crossed since.</summary>
public sealed record DecisionMarker(MarketPhase Phase, int MvrvRung, FearGreedZone FearGreedZone)
{
    public static DecisionMarker From(AllocationSignal signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        return new DecisionMarker(signal.Phase, signal.MvrvRung, signal.FearGreedZone);
    }
}
