namespace TreasuryArena.Infrastructure.MarketData.Options;

/// <summary>One live source: its base URL and, where the source needs one, its API key (from user-secrets or environment).</summary>
public class SourceOptions
{
    public string BaseUrl { get; set; } = "";

    public string? ApiKey { get; set; }
}
