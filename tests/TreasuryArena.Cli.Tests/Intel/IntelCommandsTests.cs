using System.Text.Json;
using TreasuryArena.Cli.Tests.Support;

namespace TreasuryArena.Cli.Tests.Intel;

[Collection(ConsoleCollection.Name)]
public sealed class IntelCommandsTests
{

    [Fact]
    public async Task Intel_AsOfApril2021Json_HasTheContractFields()
    {
        var (code, output, _) = await InProcessCli.RunAsync("intel", "--as-of", "2021-04-14", "--json");

        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.StartsWith("2021-04-14", root.GetProperty("as_of").GetString(), StringComparison.Ordinal);
        Assert.Equal("TOP", root.GetProperty("phase").GetString());
        var btc = root.GetProperty("indicators").GetProperty("btc_price");
        Assert.Equal(63109.7, btc.GetProperty("value").GetDouble(), 0);
        Assert.Equal("history:btc-usd-daily-cmc", btc.GetProperty("source").GetString());
        Assert.False(btc.GetProperty("stale").GetBoolean());
        Assert.Equal(JsonValueKind.String, btc.GetProperty("as_of").ValueKind);
        foreach (var name in new[] { "mvrv_z", "btc_mayer_multiple", "funding_rate_annualised", "fear_greed", "btc_realised_vol_30d", "eth_change_7d" })
        {
            Assert.True(root.GetProperty("indicators").TryGetProperty(name, out _), name);
        }

        var signal = root.GetProperty("signal");
        foreach (var field in new[] { "base", "tactical", "btc", "eth", "confidence", "reasons" })
        {
            Assert.True(signal.TryGetProperty(field, out _), field);
        }

        Assert.Equal(1.0, signal.GetProperty("base").GetDouble() + signal.GetProperty("tactical").GetDouble(), 9);
        Assert.Equal(JsonValueKind.Array, root.GetProperty("triggers").ValueKind);
    }

    [Fact]
    public async Task Intel_NoAsOf_SaysItUsesTheLastShippedDate()
    {
        var (code, output, _) = await InProcessCli.RunAsync("intel");

        Assert.Equal(0, code);
        Assert.Contains("last date of the shipped history", output, StringComparison.Ordinal);
        Assert.Contains("phase:", output, StringComparison.Ordinal);
        Assert.Contains("STALE", output, StringComparison.Ordinal); // Fear & Greed ends before the price files
    }

    [Fact]
    public async Task Intel_BadDate_UserError()
    {
        var (code, _, err) = await InProcessCli.RunAsync("intel", "--as-of", "14/04/2021");

        Assert.Equal(2, code);
        Assert.Contains("not a yyyy-MM-dd date", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DataFetch_IntoShippedDirectory_Refused()
    {
        var shipped = TreasuryArena.Infrastructure.MarketData.History.HistoryLocator.Find();

        var (code, _, err) = await InProcessCli.RunAsync("data", "fetch", "--to", shipped);

        Assert.Equal(2, code);
        Assert.Contains("never overwritten", err, StringComparison.Ordinal);
    }
}
