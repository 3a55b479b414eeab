using Microsoft.Extensions.Configuration;
using TreasuryArena.Infrastructure.MarketData.History;

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
