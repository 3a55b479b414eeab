namespace TreasuryArena.Infrastructure.Reports;

/// <summary>
/// The platform's fee income over a period (inclusive UTC dates of the ledger entries; null = unbounded), by fee type:
/// the <c>FEE</c> entries into the revenue account, grouped by their memo.
/// </summary>
public sealed record RevenueByFeeType(DateOnly? From, DateOnly? To, decimal Trade, decimal Management, decimal Performance, int Entries)
{
    public decimal Total => Trade + Management + Performance;
}
