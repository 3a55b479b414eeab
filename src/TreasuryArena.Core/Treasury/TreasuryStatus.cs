using TreasuryArena.Core.Advice;

namespace TreasuryArena.Core.Treasury;

/// <summary>
/// The daily summary: the treasury marked on <see cref="AsOf"/>, its targets and drift, performance against the
/// benchmarks, the market view and triggers, and the latest journaled decision. <see cref="IsDefault"/> is true when
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
    JournalEntry? LatestDecision);
