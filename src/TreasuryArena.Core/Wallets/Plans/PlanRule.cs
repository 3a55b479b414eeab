using TreasuryArena.Core.Wallets;

namespace TreasuryArena.Core.Wallets.Plans;

/// <summary>What one subscription plan allows: the wallet modes and the most tokens a wallet may hold (null: no limit).</summary>
public sealed record PlanRule(IReadOnlySet<WalletMode> Modes, int? MaxTokens);
