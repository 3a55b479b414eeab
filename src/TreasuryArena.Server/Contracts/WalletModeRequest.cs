using System.ComponentModel.DataAnnotations;
using TreasuryArena.Core.Wallets;

namespace TreasuryArena.Server.Contracts;

/// <summary><c>POST /api/wallet/mode</c>: who acts for the wallet (and optionally its risk tolerance).</summary>
public sealed record WalletModeRequest([property: Required, StringLength(64)] string Address, WalletMode Mode, RiskTolerance? RiskTolerance = null);
