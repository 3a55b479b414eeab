namespace TreasuryArena.Infrastructure.MarketData.History;

/// <summary>
/// Finds the market history directory: <c>MarketData:HistoryPath</c> when configured, else the first
/// <c>shared/data/market</c> found walking up from the working directory and from the program's directory
/// (the repository's checkout sits beside <c>shared/</c>). The files are read in place, never copied.
/// </summary>
public static class HistoryLocator
{
    public const string ConfigKey = "MarketData:HistoryPath";

    public static string Find(string? configured = null)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Directory.Exists(configured)
                ? Path.GetFullPath(configured)
                : throw new DirectoryNotFoundException($"{ConfigKey} points to {configured}, which does not exist");
        }

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "data", "market");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new DirectoryNotFoundException(
            $"market history not found: set {ConfigKey} (or MarketData__HistoryPath) to a directory in the shared/data/market layout, or run `arena data fetch`");
    }

    /// <summary>The reference (oracle) data directory beside the market history.</summary>
    public static string FindOracles(string? historyDirectory = null)
    {
        var market = historyDirectory ?? Find();
        return Path.GetFullPath(Path.Combine(market, "..", "oracles"));
    }
}
