using TreasuryArena.Core.Approvals;
using TreasuryArena.Core.Compliance;
using TreasuryArena.Core.Wallets.Optimization;

namespace TreasuryArena.Core.Application;

/// <summary>A second approval's result: the decided approval and what executed (the trade, the proposal's run, or neither).</summary>
public sealed record ApprovalDecision(PendingApproval Approval, TradeOutcome? Trade, WalletRunResult? Run);
