using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TreasuryArena.Core.Intelligence;
using TreasuryArena.Core.MarketData;
using TreasuryArena.Core.Ports;
using TreasuryArena.Infrastructure.MarketData.History;
using TreasuryArena.Infrastructure.MarketData.Options;

namespace TreasuryArena.Infrastructure.MarketData;

/// <summary>
/// Wires market data for a host (the CLI and the Server both call <see cref="AddMarketData"/>): validated options,
/// the shipped history, the <see cref="IMarketDataProvider"/> chosen by <c>MarketData:Mode</c>, and the
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

        services.TryAddSingleton<MarketHistory>(sp =>
            HistoryLoader.Load(HistoryLocator.Find(sp.GetRequiredService<IOptions<MarketDataOptions>>().Value.HistoryPath)));
        services.TryAddSingleton<HistoryMarketDataProvider>();
        services.TryAddSingleton<IMarketDataProvider>(sp => sp.GetRequiredService<HistoryMarketDataProvider>());
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<TreasuryIntelligenceOptions>>().Value.ToSettings());
        services.TryAddSingleton<MarketIntelligence>();
        return services;
    }
}
