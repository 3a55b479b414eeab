namespace TreasuryArena.Infrastructure.Reports;

/// <summary>A decision taken in the quarter: the treasury advisor's journal (<see cref="Source"/> <c>Treasury</c>) or a wallet's rebalance proposal (the wallet's address), with its reasoning and outcome.</summary>
public sealed record BoardDecision(DateOnly Date, string Source, string Action, string Reasoning, string Outcome);
