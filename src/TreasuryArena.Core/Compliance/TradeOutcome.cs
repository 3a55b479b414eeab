using TreasuryArena.Core.Common;
using TreasuryArena.Core.Ledger;

namespace TreasuryArena.Core.Compliance;

/// <summary>What happened to a <see cref="TradeOrder"/>: executed by the ledger, refused (by a check, the gate or the ledger), or held.</summary>
public abstract record TradeOutcome
{
    private TradeOutcome()
    {
    }

    /// <summary>Warnings returned with the outcome (e.g. an overdue compliance review); empty by default.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    public sealed record Executed(LedgerResult Result) : TradeOutcome;

    /// <summary>Refused with its <see cref="Outcome"/>; <see cref="Code"/> is its stable snake_case code (e.g. <c>insufficient_cash</c>, <c>platform_halted</c>).</summary>
    public sealed record Refused(Outcome Outcome, string Message, string? Field) : TradeOutcome
    {
        public string Code => Outcome.Code();
    }

    public sealed record Held(HeldTrade Trade) : TradeOutcome;

    /// <summary>Above the organisation's dual-control threshold: stored for a second member's approval, nothing executed yet.</summary>
    public sealed record AwaitingApproval(Approvals.PendingApproval Approval) : TradeOutcome;
}
