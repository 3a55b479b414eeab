using TreasuryArena.Core.Ledger;

namespace TreasuryArena.Server.Contracts;

/// <summary><c>GET /api/admin/revenue</c>: the platform's fee income and what it is earned on.</summary>
public sealed record RevenueResponse(
    decimal TotalRevenue,
    int Tokens,
    int Wallets,
    decimal AssetsUnderManagement,
    IReadOnlyList<TokenRevenueLine> ByToken,
    RevenueByFeeTypeResponse? ByFeeType = null)
{
    /// <summary>The revenue report on the ledger's current state (used by the API and by <c>arena report revenue</c>).</summary>
    public static RevenueResponse From(LedgerService ledger)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var tokens = ledger.ListTokens();
        var lines = tokens.Select(t => new TokenRevenueLine(t.Token.Symbol, t.GrossAssetValue.Amount, t.Token.Fees.TradeFeeRate, t.Token.Fees.ManagementFeeRate, t.Token.Fees.PerformanceFeeRate)).ToList();
        return new RevenueResponse(ledger.Revenue.Amount, tokens.Count, ledger.ListWallets().Count, lines.Sum(l => l.GrossAssetValue), lines);
    }
}
