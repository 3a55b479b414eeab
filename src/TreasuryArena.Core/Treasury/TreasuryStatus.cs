using TreasuryArena.Core.Advice;

namespace TreasuryArena.Core.Treasury;

/// <summary>
/// The daily summary: the treasury marked on <see cref="AsOf"/>, its targets and drift, performance against the
/// benchmarks, the market view and triggers (with the MVRV ladder, <see cref="MarketAssessment.Ladder"/>), the latest
/// journaled decision and any orders queued for the next bar. <see cref="IsDefault"/> is true when
/// no treasury is stored yet and the configured default was used.
/// </summary>
public sealed record TreasuryStatus(
    DateOnly AsOf,
    bool IsDefault,
    TreasuryMode Mode,
    TreasuryValuation Valuation,
    TreasuryTargets Targets,
    TreasuryPerformance Performance,
    MarketAssessment Assessment,
    JournalEntry? LatestDecision)
{
    /// <summary>Orders an earlier decision queued for the next bar and not yet filled (they fill on the next run on or after <see cref="PendingOrders.FillOn"/>).</summary>
    public PendingOrders? Pending { get; init; }

    /// <summary>The organisation's IPS the targets were solved inside (null: none set, or no policy store wired).</summary>
    public Policy.InvestmentPolicy? Policy { get; init; }

    /// <summary>What the IPS changed in the targets, clause by clause (empty: nothing).</summary>
    public IReadOnlyList<string> PolicyNotes { get; init; } = [];
}
