namespace TreasuryArena.Infrastructure.MarketData.Live;

/// <summary>One funding settlement: the rate per 8h interval (fraction).</summary>
public sealed record FundingRatePoint(DateTimeOffset Time, double Rate);
