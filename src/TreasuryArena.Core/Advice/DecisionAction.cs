namespace TreasuryArena.Core.Advice;

/// <summary>What an advisor decided. Only <see cref="Approve"/>, <see cref="Shrink"/>, <see cref="Rebalance"/> and
/// <see cref="DeRisk"/> let orders through; everything else executes nothing.</summary>
public enum DecisionAction
{
    /// <summary>Do nothing today.</summary>
    Hold,

    /// <summary>Rebalance towards the target (daily analysis).</summary>
    Rebalance,

    /// <summary>Execute the proposal as proposed (within guardrails).</summary>
    Approve,

    /// <summary>Execute nothing.</summary>
    Reject,

    /// <summary>Execute a smaller version of the proposal (see <see cref="Decision.Adjustments"/>).</summary>
    Shrink,

    /// <summary>Move tactical holdings to the base (emergency).</summary>
    DeRisk,

    /// <summary>A review was read and noted; nothing to execute.</summary>
    Acknowledge,
}
