using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TreasuryArena.Infrastructure.MarketData;

namespace TreasuryArena.Cli.Commands.Intel;

/// <summary>The service provider of the intel commands: the CLI configuration (plus <c>--live</c>), validated at build.</summary>
internal static class IntelServices
{
    public static ServiceProvider Build(bool live, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var overrides = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>(), StringComparer.Ordinal);
        if (live)
        {
            overrides["MarketData:Mode"] = "live";
        }

        var configuration = new ConfigurationBuilder()
            .AddConfiguration(CliHost.Configuration)
            .AddInMemoryCollection(overrides)
            .Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b
            .AddConfiguration(configuration.GetSection("Logging"))
            .SetMinimumLevel(LogLevel.Warning)
            .AddSimpleConsole(o => o.SingleLine = true)
            .Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace));
        services.AddSingleton(CliHost.Clock);
        services.AddMarketData(configuration);
        var sp = services.BuildServiceProvider();
        try
        {
            sp.GetService<IStartupValidator>()?.Validate();
        }
        catch (OptionsValidationException ex)
        {
            sp.Dispose();
            throw new CliException($"invalid configuration: {string.Join("; ", ex.Failures)}");
        }

        return sp;
    }

    /// <summary>Resolves a service, turning a missing history directory into a user error.</summary>
    public static T Resolve<T>(IServiceProvider sp)
        where T : notnull
    {
        try
        {
            return sp.GetRequiredService<T>();
        }
        catch (DirectoryNotFoundException ex)
        {
            throw new CliException(ex.Message);
        }
    }
}
