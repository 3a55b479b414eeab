using TreasuryArena.Core.Wallets;

namespace TreasuryArena.Server.Contracts;

/// <summary><c>POST /api/wallet/create</c>: the organisation is the caller's; <c>name</c> ("Building fund") is optional free text (one line, at most 200 characters).</summary>
public sealed record CreateWalletRequest(WalletMode Mode = WalletMode.Manual, RiskTolerance RiskTolerance = RiskTolerance.Moderate, string? Name = null);
