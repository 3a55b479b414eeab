namespace TreasuryArena.Infrastructure.MarketData.Live;

/// <summary>A daily value (UTC date) read from a live source.</summary>
public sealed record DailyPoint(DateOnly Date, double Value, double? Volume = null);
