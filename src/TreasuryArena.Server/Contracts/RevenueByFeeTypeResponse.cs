using TreasuryArena.Infrastructure.Reports;

namespace TreasuryArena.Server.Contracts;

/// <summary>The platform's fee income since the start, by fee type (the ledger's fee entries into the revenue account).</summary>
public sealed record RevenueByFeeTypeResponse(decimal Trade, decimal Management, decimal Performance, decimal Total, int Entries)
{
    public static RevenueByFeeTypeResponse From(RevenueByFeeType r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(r.Trade, r.Management, r.Performance, r.Total, r.Entries);
    }
}
