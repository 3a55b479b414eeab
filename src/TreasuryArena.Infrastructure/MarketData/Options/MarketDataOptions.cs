namespace TreasuryArena.Infrastructure.MarketData.Options;

/// <summary>
/// <c>MarketData</c> configuration: the mode (<c>history</c>, the default, or <c>live</c>), the history directory and
/// each live source's base URL and key (environment variables such as <c>MarketData__CoinGecko__BaseUrl</c> work).
/// Validated at start by <see cref="MarketDataOptionsValidator"/>.
/// </summary>
public sealed class MarketDataOptions
{
    public const string SectionName = "MarketData";
    public const string LiveMode = "live";
    public const string HistoryMode = "history";

    /// <summary><c>history</c> (the default, also when empty) or <c>live</c>.</summary>
    public string Mode { get; set; } = HistoryMode;

    /// <summary>The history directory; when unset, <c>shared/data/market</c> is searched upwards from the working directory.</summary>
    public string? HistoryPath { get; set; }

    /// <summary>How long a live quote stays fresh in the cache (5 minutes).</summary>
    public int QuoteFreshnessSeconds { get; set; } = 300;

    /// <summary>How long a live daily series (market chart, MVRV, Fear &amp; Greed) stays fresh (1 hour).</summary>
    public int DailyFreshnessSeconds { get; set; } = 3600;

    public CoinGeckoOptions CoinGecko { get; set; } = new();

    public SourceOptions AlternativeMe { get; set; } = new() { BaseUrl = "https://api.alternative.me" };

    public SourceOptions Binance { get; set; } = new() { BaseUrl = "https://fapi.binance.com" };

    public SourceOptions Glassnode { get; set; } = new() { BaseUrl = "https://api.glassnode.com" };

    public DefiLlamaOptions DefiLlama { get; set; } = new();

    /// <summary>FRED (for the 3-month T-bill file of <c>arena data fetch</c>; no key needed for the CSV download).</summary>
    public SourceOptions Fred { get; set; } = new() { BaseUrl = "https://fred.stlouisfed.org" };

    public bool IsLive => string.Equals(Mode, LiveMode, StringComparison.OrdinalIgnoreCase);
}
