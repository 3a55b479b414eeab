using TreasuryArena.Core.Compliance;

namespace TreasuryArena.Core.Wallets.Optimization;

/// <summary>What became of a plan: held as one item (<see cref="Held"/>, nothing executed), or its executions (cap trims included) and a note.</summary>
public sealed record PlanOutcome(HeldTrade? Held, IReadOnlyList<OrderExecution> Executions, string Message);
