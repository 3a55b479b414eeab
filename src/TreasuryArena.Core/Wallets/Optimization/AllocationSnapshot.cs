namespace TreasuryArena.Core.Wallets.Optimization;

/// <summary>
/// What one optimizer run saw and decided for one wallet: weights before and after, the orders, the action taken
/// (<c>executed</c>, <c>proposed</c>, <c>none</c>, <c>suggested</c>), the plain-language reasoning, and the full decision
/// (inputs, outputs, advisor review, guardrails, per-order execution) as a JSON document.
/// </summary>
public sealed record AllocationSnapshot(
    Guid Id,
    Guid RunId,
    string Address,
    DateOnly AsOf,
    string Mode,
    string Action,
    decimal Value,
    IReadOnlyDictionary<string, decimal> CurrentWeights,
    IReadOnlyDictionary<string, decimal> TargetWeights,
    IReadOnlyList<RebalanceOrder> Orders,
    string DecisionJson,
    string Reasoning,
    DateTimeOffset CreatedAt);
