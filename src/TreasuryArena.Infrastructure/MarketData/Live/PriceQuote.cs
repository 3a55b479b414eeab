namespace TreasuryArena.Infrastructure.MarketData.Live;

/// <summary>A spot price from CoinGecko <c>simple/price</c>; <paramref name="Change24h"/> is a fraction.</summary>
public sealed record PriceQuote(string CoinId, double Usd, double? Change24h, DateTimeOffset? LastUpdated);
