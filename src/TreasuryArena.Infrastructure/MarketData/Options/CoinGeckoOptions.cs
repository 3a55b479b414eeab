namespace TreasuryArena.Infrastructure.MarketData.Options;

/// <summary>CoinGecko: public API by default; a demo key is sent as <c>x-cg-demo-api-key</c>.</summary>
public sealed class CoinGeckoOptions : SourceOptions
{
    public CoinGeckoOptions() => BaseUrl = "https://api.coingecko.com/api/v3";
}
