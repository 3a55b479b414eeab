namespace TreasuryArena.Core.Intelligence;

/// <summary>A named conjunction of conditions: the clause holds when every condition's indicator is known and met.</summary>
public sealed record PhaseClause(MarketPhase Phase, string Name, IReadOnlyList<PhaseCondition> Conditions);
