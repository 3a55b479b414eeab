namespace TreasuryArena.Infrastructure.MarketData.Live;

/// <summary>One Fear &amp; Greed value with the class the source returned.</summary>
public sealed record FearGreedPoint(DateOnly Date, int Value, string Classification);
