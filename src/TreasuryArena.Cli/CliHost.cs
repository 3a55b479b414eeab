using Microsoft.Extensions.Configuration;
using TreasuryArena.Core.Advice;
using TreasuryArena.Core.Wallets.Optimization;
using TreasuryArena.Infrastructure.Advice;
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

    /// <summary>
    /// The wallet optimizer's options from the <c>Wallets:Optimizer</c> section (e.g.
    /// <c>Wallets__Optimizer__Conservative__VolatilityCeiling=0.12</c>), the defaults where it says nothing.
    /// </summary>
    public static WalletOptimizerOptions OptimizerOptions =>
        Configuration.GetSection(WalletOptimizerOptions.SectionName).Get<WalletOptimizerOptions>() ?? new WalletOptimizerOptions();

    /// <summary>The tokens runtime's settings with the configured optimizer options and advisor rules.</summary>
    public static TokensSettings TokensSettings => new() { Optimizer = new TokensSettings.OptimizerSettings { Wallet = OptimizerOptions }, AdvisorRules = AdvisorRules };

    /// <summary>
    /// The rule advisor's options (<c>Advisor:Rules</c>) read as the treasury reads them (<see cref="TreasuryConfiguration.Read"/>),
    /// so the wallet advisor and the treasury's advisor follow one configuration.
    /// </summary>
    public static RuleAdvisorOptions AdvisorRules
    {
        get
        {
            try
            {
                return TreasuryConfiguration.Read(Configuration).Rules;
            }
            catch (InvalidOperationException ex)
            {
                throw new CliException(ex.Message);
            }
        }
    }

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
