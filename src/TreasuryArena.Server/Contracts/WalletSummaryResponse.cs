using TreasuryArena.Core.Common;
using TreasuryArena.Core.Wallets;

namespace TreasuryArena.Server.Contracts;

/// <summary>
/// <c>GET /api/wallets</c>: a wallet with its figures at current NAVs — cash, value, cost basis and unrealised P&amp;L
/// (absolute and as a fraction of the cost basis, null without one), realised P&amp;L, how many tokens it holds and how
/// many HYBRID proposals wait for a decision; <c>name</c> is the wallet's name (null when it has none) and
/// <c>organisation</c> its organisation's name (the all-organisations list of an admin).
/// </summary>
public sealed record WalletSummaryResponse(
    string Address,
    Guid OrganisationId,
    WalletMode Mode,
    RiskTolerance RiskTolerance,
    DateTimeOffset CreatedAt,
    decimal Cash,
    decimal Value,
    decimal Invested,
    decimal CostBasis,
    decimal Pnl,
    decimal? PnlPct,
    decimal RealisedPnl,
    int HoldingsCount,
    int PendingProposals,
    string? Name = null,
    string? Organisation = null)
{
    public static WalletSummaryResponse From(WalletStatusResponse s, int pendingProposals)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new(
            s.Address,
            s.OrganisationId,
            s.Mode,
            s.RiskTolerance,
            s.CreatedAt,
            s.Cash,
            s.Value,
            s.Value - s.Cash,
            s.CostBasis,
            s.UnrealisedPnl,
            s.CostBasis == 0m ? null : RoundingPolicy.Ratio(s.UnrealisedPnl / s.CostBasis, 6),
            s.RealisedPnl,
            s.Holdings.Count(h => h.Shares > 0m),
            pendingProposals,
            s.Name,
            s.Organisation);
    }
}
