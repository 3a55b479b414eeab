using TreasuryArena.Core.Wallets;

namespace TreasuryArena.Server.Contracts;

/// <summary>
/// <c>GET /api/wallet/{address}/status</c>: cash, holdings with P&amp;L, total value and performance; the wallet's
/// <c>turnover</c> and <c>fees_paid</c> from the ledger (null in the wallet list, which does not read the journal).
/// <c>created_at</c> is the wall-clock instant the wallet was created; <c>opened_on</c> its business opening date, the
/// valuation date of its first ledger entry (the platform date at creation without one; null in the wallet list).
/// <c>name</c> is the wallet's name (null when it has none), <c>organisation</c> its organisation's name.
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
    WalletFeesPaidResponse? FeesPaid = null,
    DateOnly? OpenedOn = null,
    string? Name = null,
    string? Organisation = null);
