using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TreasuryArena.Core.Intelligence;
using TreasuryArena.Core.MarketData;
using TreasuryArena.Core.Ports;
using TreasuryArena.Infrastructure.Http;
using TreasuryArena.Infrastructure.MarketData.Fetch;
using TreasuryArena.Infrastructure.MarketData.History;
using TreasuryArena.Infrastructure.MarketData.Live;
using TreasuryArena.Infrastructure.MarketData.Options;

namespace TreasuryArena.Infrastructure.MarketData;

/// <summary>
/// Wires market data for a host (the CLI and the Server both call <see cref="AddMarketData"/>): validated options,
/// the shipped history, the typed live clients behind the shared resilience handler, the cache, the
/// <see cref="IMarketDataProvider"/> and <see cref="IPoolYieldSource"/> chosen by <c>MarketData:Mode</c>, and the
/// <see cref="MarketIntelligence"/> use case. The host registers <see cref="TimeProvider"/> and logging.
/// </summary>
public static class MarketDataServiceCollectionExtensions
{
    public static IServiceCollection AddMarketData(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<MarketDataOptions>().Bind(configuration.GetSection(MarketDataOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MarketDataOptions>, MarketDataOptionsValidator>());
        services.AddOptions<TreasuryIntelligenceOptions>().Bind(configuration.GetSection(TreasuryIntelligenceOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TreasuryIntelligenceOptions>, TreasuryIntelligenceOptionsValidator>());
        services.AddArenaHttpResilience(configuration);

        services.TryAddSingleton<MarketHistory>(sp =>
            HistoryLoader.Load(HistoryLocator.Find(sp.GetRequiredService<IOptions<MarketDataOptions>>().Value.HistoryPath)));
        services.TryAddSingleton<HistoryMarketDataProvider>();
        // The one business clock of the host: MarketData:Mode=live → today; history (default) → the last day with
        // complete market data (BTC and ETH closes) of the history above.
        services.TryAddSingleton<IBusinessClock>(sp => BusinessClock.For(
            Options(sp).IsLive, sp.GetRequiredService<MarketHistory>(), sp.GetRequiredService<TimeProvider>()));

        services.TryAddSingleton<MarketDataQuality>();
        services.TryAddSingleton<IMarketDataHealth>(sp => sp.GetRequiredService<MarketDataQuality>());
        services.TryAddSingleton<MarketDataCache>();
        services.AddHttpClient<CoinGeckoClient>((sp, http) =>
        {
            var o = Options(sp).CoinGecko;
            Configure(http, o.BaseUrl);
            if (!string.IsNullOrWhiteSpace(o.ApiKey))
            {
                http.DefaultRequestHeaders.Add("x-cg-demo-api-key", o.ApiKey);
            }
        }).AddArenaResilience();
        services.AddHttpClient<AlternativeMeClient>((sp, http) => Configure(http, Options(sp).AlternativeMe.BaseUrl)).AddArenaResilience();
        services.AddHttpClient<BinanceClient>((sp, http) => Configure(http, Options(sp).Binance.BaseUrl)).AddArenaResilience();
        services.AddHttpClient<GlassnodeClient>((sp, http) => Configure(http, Options(sp).Glassnode.BaseUrl)).AddArenaResilience();
        services.AddHttpClient<DefiLlamaClient>((sp, http) => Configure(http, Options(sp).DefiLlama.BaseUrl)).AddArenaResilience();
        services.AddHttpClient<FredClient>((sp, http) => Configure(http, Options(sp).Fred.BaseUrl)).AddArenaResilience();
        services.TryAddTransient<HistoryFetcher>();

        services.TryAddTransient(sp => new LiveMarketDataProvider(
            sp.GetRequiredService<CoinGeckoClient>(),
            sp.GetRequiredService<AlternativeMeClient>(),
            sp.GetRequiredService<BinanceClient>(),
            sp.GetRequiredService<GlassnodeClient>(),
            sp.GetRequiredService<MarketDataCache>(),
            sp.GetRequiredService<IOptions<MarketDataOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<HistoryMarketDataProvider>));
        services.TryAddTransient<IMarketDataProvider>(sp => Options(sp).IsLive
            ? sp.GetRequiredService<LiveMarketDataProvider>()
            : sp.GetRequiredService<HistoryMarketDataProvider>());
        services.TryAddTransient<DefiLlamaPoolYieldSource>();
        services.TryAddTransient<IPoolYieldSource>(sp => Options(sp).IsLive
            ? sp.GetRequiredService<DefiLlamaPoolYieldSource>()
            : new HistoryPoolYieldSource());
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<TreasuryIntelligenceOptions>>().Value.ToSettings());
        services.TryAddTransient<MarketIntelligence>();
        return services;
    }

    private static MarketDataOptions Options(IServiceProvider sp) => sp.GetRequiredService<IOptions<MarketDataOptions>>().Value;

    /// <summary>Base address with a trailing slash so relative paths keep its path (…/api/v3/ + simple/price).</summary>
    private static void Configure(HttpClient http, string baseUrl)
    {
        http.BaseAddress = new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/", UriKind.Absolute);
        http.Timeout = Timeout.InfiniteTimeSpan; // the resilience handler owns timeouts
        http.DefaultRequestHeaders.UserAgent.ParseAdd("TreasuryArena/1.0");
    }
}
