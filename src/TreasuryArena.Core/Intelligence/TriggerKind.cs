namespace TreasuryArena.Core.Intelligence;

/// <summary>Why a rebalance is due.</summary>
public enum TriggerKind
{
    /// <summary>A ladder threshold, the Fear &amp; Greed zone or the phase changed since the last decision.</summary>
    ThresholdCrossed,

    /// <summary>The current weights drifted from the target by more than the threshold.</summary>
    Drift,

    /// <summary>A crash (BTC down more than the limit in 24h) or a reported exploit.</summary>
    Emergency,
}
