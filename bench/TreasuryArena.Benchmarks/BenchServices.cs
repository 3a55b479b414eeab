using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TreasuryArena.Infrastructure.Configuration;

namespace TreasuryArena.Benchmarks;

/// <summary>
/// The platform as the server and the CLI wire it (the composition root, <c>AddTreasuryArena</c>) over a benchmark's own
/// database: configuration from the environment (so <c>Wallets__Optimizer__…</c> applies as it does to <c>arena</c>),
/// validated as at a host's start.
/// </summary>
internal static class BenchServices
{
    public static ServiceProvider Build(string database, Action<IServiceCollection>? configure = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddEnvironmentVariables()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Arena:Database"] = database })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddTreasuryArena(configuration);
        configure?.Invoke(services);
        var provider = services.BuildServiceProvider();
        provider.GetService<IStartupValidator>()?.Validate();
        return provider;
    }
}
