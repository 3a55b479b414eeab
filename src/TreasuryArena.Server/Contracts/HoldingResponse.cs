namespace TreasuryArena.Server.Contracts;

/// <summary>One holding of a wallet, valued at the token's current NAV.</summary>
public sealed record HoldingResponse(
    string Symbol,
    decimal Shares,
    decimal Nav,
    decimal Value,
    decimal CostBasis,
    decimal AverageCost,
    decimal UnrealisedPnl,
    decimal RealisedPnl,
    decimal Weight);
