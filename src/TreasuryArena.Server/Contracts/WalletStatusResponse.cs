using TreasuryArena.Core.Wallets;

namespace TreasuryArena.Server.Contracts;

/// <summary><c>GET /api/wallet/{address}/status</c>: cash, holdings with P&amp;L, total value and performance.</summary>
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
    DateTimeOffset CreatedAt);
