using TreasuryArena.Core.Wallets.Optimization;

namespace TreasuryArena.Core.Compliance;

/// <summary>The hold after a decision, with the single trade's outcome (a trade hold) or the plan's executions (a plan hold).</summary>
public sealed record HoldDecision(HeldTrade Hold, TradeOutcome? Trade, IReadOnlyList<OrderExecution> PlanExecutions);
