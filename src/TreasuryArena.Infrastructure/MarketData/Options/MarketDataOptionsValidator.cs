using Microsoft.Extensions.Options;

namespace TreasuryArena.Infrastructure.MarketData.Options;

/// <summary>Start-up validation of <see cref="MarketDataOptions"/>: a known mode, absolute http(s) base URLs, sane freshness.</summary>
public sealed class MarketDataOptionsValidator : IValidateOptions<MarketDataOptions>
{
    public ValidateOptionsResult Validate(string? name, MarketDataOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.Mode)
            && !string.Equals(options.Mode, MarketDataOptions.LiveMode, StringComparison.OrdinalIgnoreCase)
            && !string.Equals(options.Mode, MarketDataOptions.HistoryMode, StringComparison.OrdinalIgnoreCase))
        {
            failures.Add($"MarketData:Mode must be `live` or `history`, got `{options.Mode}`");
        }

        if (options.QuoteFreshnessSeconds is < 1 or > 86_400)
        {
            failures.Add("MarketData:QuoteFreshnessSeconds must be within 1..86400");
        }

        if (options.DailyFreshnessSeconds is < 1 or > 7 * 86_400)
        {
            failures.Add("MarketData:DailyFreshnessSeconds must be within 1..604800");
        }

        Url(failures, "CoinGecko", options.CoinGecko);
        Url(failures, "AlternativeMe", options.AlternativeMe);
        Url(failures, "Binance", options.Binance);
        Url(failures, "Glassnode", options.Glassnode);
        Url(failures, "DefiLlama", options.DefiLlama);
        Url(failures, "Fred", options.Fred);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Url(List<string> failures, string source, SourceOptions options)
    {
        if (!Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            failures.Add($"MarketData:{source}:BaseUrl must be an absolute http(s) URL, got `{options.BaseUrl}`");
        }
    }
}
