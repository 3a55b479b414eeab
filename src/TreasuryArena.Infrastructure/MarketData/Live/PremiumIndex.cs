namespace TreasuryArena.Infrastructure.MarketData.Live;

/// <summary>Binance <c>premiumIndex</c>: mark and index price and the last funding rate (per 8h).</summary>
public sealed record PremiumIndex(string Symbol, double MarkPrice, double IndexPrice, double LastFundingRate, DateTimeOffset NextFundingTime, DateTimeOffset Time);
