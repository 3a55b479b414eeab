using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TreasuryArena.Infrastructure.Configuration;

namespace TreasuryArena.Infrastructure.Http;

/// <summary>Registration of the shared resilience handler for any <c>AddHttpClient</c> registration.</summary>
public static class HttpClientBuilderResilienceExtensions
{
    /// <summary>Registers <see cref="HttpResilienceOptions"/> (section <c>Http:Resilience</c>) and the pipeline registry once.</summary>
    public static IServiceCollection AddArenaHttpResilience(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<HttpResilienceOptions>()
            .Bind(configuration.GetSection(HttpResilienceOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<HttpResilienceOptions>>(new DataAnnotationsOptionsValidator<HttpResilienceOptions>(HttpResilienceOptions.SectionName)));
        services.TryAddSingleton<HttpResiliencePipelines>();
        return services;
    }

    /// <summary>Adds the shared <see cref="ResilienceHandler"/> to this client (its own circuit breaker, keyed by the client name).</summary>
    public static IHttpClientBuilder AddArenaResilience(this IHttpClientBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var name = builder.Name;
        return builder.AddHttpMessageHandler(sp => new ResilienceHandler(sp.GetRequiredService<HttpResiliencePipelines>().For(name)));
    }
}
