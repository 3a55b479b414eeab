using TreasuryArena.Core.Wallets;

namespace TreasuryArena.Core.Application;

/// <summary>Change a wallet's mode and (when given) its risk tolerance; the owner's plan must allow the mode.</summary>
public sealed record WalletModeChange(string Address, WalletMode Mode, RiskTolerance? Risk);
