namespace TreasuryArena.Infrastructure.MarketData.Options;

/// <summary>DefiLlama yields: base URL and the projects whose pools are reported (Aave, Curve, Pendle…).</summary>
public sealed class DefiLlamaOptions : SourceOptions
{
    public DefiLlamaOptions() => BaseUrl = "https://yields.llama.fi";

    /// <summary>Project slugs to keep from <c>/pools</c>; empty keeps the defaults.</summary>
    public string[]? Projects { get; set; }

    /// <summary>Pools with less TVL (USD) are ignored.</summary>
    public double MinTvlUsd { get; set; } = 10_000_000;

    public static readonly string[] DefaultProjects = ["aave-v3", "curve-dex", "pendle", "compound-v3", "morpho-blue"];
}
