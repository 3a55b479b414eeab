using TreasuryArena.Cli.Commands.Intel;
using TreasuryArena.Cli.Tests.Support;

namespace TreasuryArena.Cli.Tests.Intel;

[Collection(ConsoleCollection.Name)]
public sealed class DataFetchCommandTests
{
    [Fact]
    public async Task RunAsync_NothingReachable_ReportsEveryFileAndExitsOne()
    {
        var dead = "http://127.0.0.1:1/"; // nothing listens on port 1: connection refused, like this sandbox's network
        var settings = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["MarketData:CoinGecko:BaseUrl"] = dead,
            ["MarketData:AlternativeMe:BaseUrl"] = dead,
            ["MarketData:Binance:BaseUrl"] = dead,
            ["MarketData:Glassnode:BaseUrl"] = dead,
            ["MarketData:Glassnode:ApiKey"] = "k",
            ["MarketData:Fred:BaseUrl"] = dead,
            ["Http:Resilience:MaxRetries"] = "0",
        };
        var dir = Path.Combine(Path.GetTempPath(), $"fetch-cli-{Guid.NewGuid():N}");
        var oldOut = Console.Out;
        using var stdout = new StringWriter();
        Console.SetOut(stdout);
        int code;
        try
        {
            await using var sp = IntelServices.Build(live: true, settings);
            code = await DataFetchCommand.RunAsync(sp, dir, json: false, CancellationToken.None);
        }
        finally
        {
            Console.SetOut(oldOut);
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }

        var output = stdout.ToString();
        Assert.Equal(1, code);
        Assert.Equal(7, output.Split('\n').Count(l => l.Contains("FAILED", StringComparison.Ordinal)));
        Assert.Contains("could not fetch 7 of 7 files", output, StringComparison.Ordinal);
        Assert.Contains("shipped history is unaffected", output, StringComparison.Ordinal);
    }
}
