using TreasuryArena.Core.Intelligence;

namespace TreasuryArena.Core.Treasury;

/// <summary>
/// The treasury's view of the market (implemented over the intelligence layer: history or live providers).
/// </summary>
public interface ITreasuryMarket
{
    /// <summary>The latest date with data (today in live mode; the last common history date otherwise).</summary>
    DateOnly LatestDate { get; }

    /// <summary>Marks on <paramref name="date"/> (yield indices relative to <paramref name="inception"/>); throws
    /// <see cref="ArgumentException"/> when a price is missing or stale.</summary>
    Task<TreasuryMarks> MarksOnAsync(DateOnly date, DateOnly inception, CancellationToken cancellationToken);

    /// <summary>The intelligence assessment on <paramref name="asOf"/>: market view, target, triggers, emergency. The MVRV
    /// ladder continues from <paramref name="ladder"/> (the treasury's stored memory; null = nothing sold yet) with the
    /// day's Z, and the target holds the rungs it has sold.</summary>
    Task<MarketAssessment> AssessAsync(DateOnly asOf, LadderState? ladder, CancellationToken cancellationToken);
}
