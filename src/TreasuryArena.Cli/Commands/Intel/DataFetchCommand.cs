using System.Globalization;
using TreasuryArena.Infrastructure.MarketData.Fetch;
using TreasuryArena.Infrastructure.MarketData.History;

namespace TreasuryArena.Cli.Commands.Intel;

/// <summary><c>arena data fetch</c>: writes the history layout from the live sources and reports each file.</summary>
internal static class DataFetchCommand
{
    /// <summary>0 when every file was written, 1 when some could not be fetched (each one says why).</summary>
    public static async Task<int> RunAsync(IServiceProvider services, string directory, bool json, CancellationToken ct)
    {
        var shipped = TryFindShipped();
        if (shipped is not null && string.Equals(Path.GetFullPath(directory).TrimEnd('/'), shipped.TrimEnd('/'), StringComparison.Ordinal))
        {
            throw new CliException($"--to {directory} is the shipped history directory, which is read in place and never overwritten");
        }

        var fetcher = IntelServices.Resolve<HistoryFetcher>(services);
        var outcomes = await fetcher.FetchAsync(directory, ct);
        if (json)
        {
            CliJson.Write(new { directory, complete = outcomes.All(o => o.Written), files = outcomes }, indented: true);
        }
        else
        {
            Console.Out.WriteLine($"fetching the market history layout into {directory}");
            foreach (var o in outcomes)
            {
                Console.Out.WriteLine(o.Written
                    ? string.Create(CultureInfo.InvariantCulture, $"  ok      {o.File,-40} {o.Rows,6} rows {o.From:yyyy-MM-dd}..{o.To:yyyy-MM-dd} ({o.Source})")
                    : $"  FAILED  {o.File,-40} ({o.Source}): {o.Error}");
            }

            var failed = outcomes.Where(o => !o.Written).ToList();
            Console.Out.WriteLine(failed.Count == 0
                ? "all files fetched; point MarketData:HistoryPath at this directory to use them"
                : $"could not fetch {failed.Count} of {outcomes.Count} files: {string.Join(", ", failed.Select(f => f.File))}. The directory is incomplete; the shipped history is unaffected.");
        }

        return outcomes.All(o => o.Written) ? 0 : 1;
    }

    private static string? TryFindShipped()
    {
        try
        {
            return HistoryLocator.Find(CliHost.Configuration[HistoryLocator.ConfigKey]);
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }
    }
}
