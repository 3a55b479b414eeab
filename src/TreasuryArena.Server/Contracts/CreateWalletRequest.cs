using TreasuryArena.Core.Wallets;

namespace TreasuryArena.Server.Contracts;

/// <summary><c>POST /api/wallet/create</c>: the organisation is the caller's.</summary>
public sealed record CreateWalletRequest(WalletMode Mode = WalletMode.Manual, RiskTolerance RiskTolerance = RiskTolerance.Moderate);
