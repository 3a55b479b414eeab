using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TreasuryArena.Infrastructure.MarketData;
using TreasuryArena.Infrastructure.MarketData.History;

namespace TreasuryArena.Infrastructure.Tests.MarketData;

/// <summary>The real DI wiring (<c>AddMarketData</c>) with every base URL pointing at a <see cref="LocalApi"/>, and fast resilience settings.</summary>
internal static class MarketDataHost
{
    public static ServiceProvider Build(LocalApi api, TimeProvider? time = null, Dictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["MarketData:Mode"] = "live",
            ["MarketData:HistoryPath"] = HistoryLocator.Find(),
            ["MarketData:CoinGecko:BaseUrl"] = api.BaseUrl + "api/v3",
            ["MarketData:AlternativeMe:BaseUrl"] = api.BaseUrl,
            ["MarketData:Binance:BaseUrl"] = api.BaseUrl,
            ["MarketData:Glassnode:BaseUrl"] = api.BaseUrl,
            ["MarketData:Glassnode:ApiKey"] = "test-key",
            ["MarketData:DefiLlama:BaseUrl"] = api.BaseUrl,
            ["MarketData:Fred:BaseUrl"] = api.BaseUrl,
            ["Http:Resilience:AttemptTimeoutSeconds"] = "0.5",
            ["Http:Resilience:TotalTimeoutSeconds"] = "10",
            ["Http:Resilience:MaxRetries"] = "2",
            ["Http:Resilience:BaseDelayMilliseconds"] = "10",
            ["Http:Resilience:MaxRetryAfterSeconds"] = "2",
            ["Http:Resilience:BreakerMinimumThroughput"] = "100",
        };
        foreach (var (k, v) in extra ?? [])
        {
            settings[k] = v;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(time ?? TimeProvider.System);
        services.AddMarketData(configuration);
        var sp = services.BuildServiceProvider();
        sp.GetRequiredService<IStartupValidator>().Validate();
        return sp;
    }
}
