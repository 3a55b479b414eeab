namespace TreasuryArena.Core.Treasury;

/// <summary>
/// The treasury's view of the market (implemented over the intelligence layer: history or live providers).
/// </summary>
public interface ITreasuryMarket
{
    /// <summary>The latest date with data (today in live mode; the last common history date otherwise).</summary>
    DateOnly LatestDate { get; }

    /// <summary>Marks on <paramref name="date"/>; throws <see cref="ArgumentException"/> when prices are missing or stale.</summary>
    TreasuryMarks MarksOn(DateOnly date, DateOnly inception);

    /// <summary>The intelligence assessment on <paramref name="asOf"/> given the treasury's current tactical share.</summary>
    Task<MarketAssessment> AssessAsync(DateOnly asOf, decimal currentTacticalShare, CancellationToken cancellationToken);
}
