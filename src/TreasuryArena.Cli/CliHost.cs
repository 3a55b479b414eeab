using Microsoft.Extensions.Configuration;
using TreasuryArena.Core.MarketData;
using TreasuryArena.Core.Ports;
using TreasuryArena.Core.Wallets.Optimization;
using TreasuryArena.Infrastructure.MarketData.History;
using TreasuryArena.Infrastructure.Storage;

namespace TreasuryArena.Cli;

/// <summary>
/// What every command shares: configuration (an optional <c>appsettings.json</c> in the working directory, then
/// environment variables such as <c>MarketData__HistoryPath</c> or <c>Anthropic__ApiKey</c>) and well-known paths.
/// </summary>
internal static class CliHost
{
    private static readonly Lazy<IConfigurationRoot> LazyConfiguration = new(() => new ConfigurationBuilder()
        .SetBasePath(Directory.GetCurrentDirectory())
        .AddJsonFile("appsettings.json", optional: true)
        .AddEnvironmentVariables()
        .Build());

    public static IConfiguration Configuration => LazyConfiguration.Value;

    /// <summary>The CLI's clock: the composition root chooses the system clock here, and every verb takes it from here.</summary>
#pragma warning disable RS0030 // composition root
    public static TimeProvider Clock { get; } = TimeProvider.System;
#pragma warning restore RS0030

    /// <summary>
    /// The wallet optimizer's options from the <c>Wallets:Optimizer</c> section (e.g.
    /// <c>Wallets__Optimizer__Conservative__VolatilityCeiling=0.12</c>), the defaults where it says nothing.
    /// </summary>
    public static WalletOptimizerOptions OptimizerOptions =>
        Configuration.GetSection(WalletOptimizerOptions.SectionName).Get<WalletOptimizerOptions>() ?? new WalletOptimizerOptions();

    /// <summary>The tokens runtime's settings with the configured optimizer options.</summary>
    public static TokensSettings TokensSettings => new() { Optimizer = new TokensSettings.OptimizerSettings { Wallet = OptimizerOptions } };

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
}
