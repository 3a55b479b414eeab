using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using TreasuryArena.Core.MarketData;
using TreasuryArena.Core.Ports;
using TreasuryArena.Core.Wallets.Optimization;
using TreasuryArena.Infrastructure.Configuration;
using TreasuryArena.Core.Advice;
using TreasuryArena.Infrastructure.Advice;
using TreasuryArena.Infrastructure.MarketData.History;
using TreasuryArena.Infrastructure.Storage;

namespace TreasuryArena.Cli;

/// <summary>
/// What every command shares: the generic host of the platform's composition root (<c>AddTreasuryArena</c>, as the
/// server uses it), its configuration (<c>appsettings.json</c> in the working directory, then environment variables
/// such as <c>MarketData__HistoryPath</c> or <c>Anthropic__ApiKey</c>) and well-known paths. A verb opens a host with
/// <see cref="OpenAsync"/> and resolves what it needs; every option section is validated first (a bad value is a CLI
/// error naming the key) and keys nothing reads are reported on stderr.
/// </summary>
internal static class CliHost
{
    private static readonly Lazy<IConfiguration> LazyConfiguration = new(() => CreateBuilder(null).Configuration);

    public static IConfiguration Configuration => LazyConfiguration.Value;

    /// <summary>The CLI's clock: the composition root chooses the system clock here, and every verb takes it from here.</summary>
#pragma warning disable RS0030 // composition root
    public static TimeProvider Clock { get; } = TimeProvider.System;
#pragma warning restore RS0030

    /// <summary>
    /// Settings laid over the configuration of every host built in the current async flow (the tests run many commands
    /// in one process, so they cannot use the process's environment variables without affecting each other).
    /// </summary>
    internal static AsyncLocal<IReadOnlyDictionary<string, string?>?> FlowSettings { get; } = new();

    /// <summary>
    /// The wallet optimizer's options from the <c>Wallets:Optimizer</c> section (e.g.
    /// <c>Wallets__Optimizer__Conservative__VolatilityCeiling=0.12</c>), the defaults where it says nothing.
    /// </summary>
    public static WalletOptimizerOptions OptimizerOptions =>
        Configuration.GetSection(WalletOptimizerOptions.SectionName).Get<WalletOptimizerOptions>() ?? new WalletOptimizerOptions();

    /// <summary>
    /// The business clock of a command over <paramref name="history"/>: <c>MarketData:Mode=live</c> → today (UTC);
    /// <c>history</c> (the default) → the last day with complete market data (BTC and ETH closes), as the server's.
    /// </summary>
    public static IBusinessClock BusinessClock(MarketHistory history) =>
        Core.MarketData.BusinessClock.For(
            string.Equals(Configuration["MarketData:Mode"], Core.MarketData.BusinessClock.LiveMode, StringComparison.OrdinalIgnoreCase), history, Clock);

    /// <summary>The data directory (<c>./data</c> unless <c>Arena:DataDirectory</c> says otherwise).</summary>
    public static string DataDirectory => Path.GetFullPath(Configuration["Arena:DataDirectory"] ?? "data");

    /// <summary>The default SQLite database file.</summary>
    public static string DefaultDatabase => Path.Combine(DataDirectory, "arena.db");

    /// <summary>The market history directory, or a <see cref="CliException"/> saying how to provide one.</summary>
    public static string HistoryDirectory(string? overridePath = null)
    {
        try
        {
            return HistoryLocator.Find(overridePath ?? Configuration[HistoryLocator.ConfigKey]);
        }
        catch (DirectoryNotFoundException ex)
        {
            throw new CliException(ex.Message);
        }
    }

    /// <summary>
    /// The host over the database given by <c>--db</c> (else <c>Arena:Database</c>, else <see cref="DefaultDatabase"/>),
    /// opened and migrated before the verb runs. <paramref name="history"/> is the market history when the verb has
    /// already loaded it; <paramref name="settings"/> override configuration keys; <paramref name="clock"/> replaces the business clock (the demo's replay).
    /// </summary>
    public static Task<CliServices> OpenAsync(
        string? db, CancellationToken ct, MarketHistory? history = null, IReadOnlyDictionary<string, string?>? settings = null, IBusinessClock? clock = null)
    {
        ct.ThrowIfCancellationRequested();
        var builder = CreateBuilder(settings);
        var database = string.IsNullOrWhiteSpace(db) ? builder.Configuration[ArenaOptions.SectionName + ":Database"] ?? DefaultDatabase : db;
        builder.Services.Replace(ServiceDescriptor.Singleton(_ => CliDatabase.OpenAsync(database, CancellationToken.None).GetAwaiter().GetResult()));
        if (history is not null)
        {
            builder.Services.Replace(ServiceDescriptor.Singleton(history));
        }

        if (clock is not null)
        {
            builder.Services.Replace(ServiceDescriptor.Singleton(clock));
        }

        var services = CliServices.Start(builder);
        try
        {
            _ = services.Get<ArenaDatabase>();
            return Task.FromResult(services);
        }
        catch
        {
            services.Dispose();
            throw;
        }
    }

    /// <summary>A host without a database (market data and intelligence only), with <paramref name="settings"/> over the configuration.</summary>
    public static CliServices Open(IReadOnlyDictionary<string, string?>? settings = null) => CliServices.Start(CreateBuilder(settings));

    /// <summary>The generic host builder of every verb: the root, configuration as described above, logs on stderr.</summary>
    public static HostApplicationBuilder CreateBuilder(IReadOnlyDictionary<string, string?>? settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [],
            ContentRootPath = Directory.GetCurrentDirectory(),
        });
        if (FlowSettings.Value is { Count: > 0 } flow)
        {
            builder.Configuration.AddInMemoryCollection(flow);
        }

        if (settings is { Count: > 0 })
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        // Verbs print their results on stdout (JSON with --json); logs go to stderr, warnings and above by default.
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.AddTreasuryArena(builder.Configuration);
        return builder;
    }
}
