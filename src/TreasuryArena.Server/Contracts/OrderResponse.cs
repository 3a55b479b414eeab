namespace TreasuryArena.Server.Contracts;

/// <summary>One order of a rebalance plan.</summary>
public sealed record OrderResponse(string Symbol, string Side, decimal Shares, decimal Amount, decimal EstimatedFee, decimal QuotedNav);
