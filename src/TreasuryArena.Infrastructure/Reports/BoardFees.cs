namespace TreasuryArena.Infrastructure.Reports;

/// <summary>Fees the organisation's wallets paid in the quarter: trade fees from the ledger, management and performance fees as their share of each token's.</summary>
public sealed record BoardFees(decimal Trade, decimal Management, decimal Performance)
{
    public decimal Total => Trade + Management + Performance;
}
