using TreasuryArena.Core.Wallets;

namespace TreasuryArena.Server.Contracts;

/// <summary>
/// <c>GET /api/wallet/{address}/status</c>: cash, holdings with P&amp;L, total value and performance; the wallet's
/// <c>turnover</c> and <c>fees_paid</c> from the ledger (null in the wallet list, which does not read the journal).
/// </summary>
public sealed record WalletStatusResponse(
    string Address,
    Guid OrganisationId,
    WalletMode Mode,
    RiskTolerance RiskTolerance,
    decimal Cash,
    IReadOnlyList<HoldingResponse> Holdings,
    decimal Value,
    decimal CostBasis,
    decimal UnrealisedPnl,
    decimal RealisedPnl,
    DateTimeOffset CreatedAt,
    WalletTurnoverResponse? Turnover = null,
    WalletFeesPaidResponse? FeesPaid = null);
