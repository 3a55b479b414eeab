using TreasuryArena.Infrastructure.MarketData.History;

namespace TreasuryArena.Infrastructure.Tests.MarketData;

public sealed class HistoryLoaderTests
{
    [Fact]
    public void Load_ShippedHistory_ReadsEverySeriesAscending()
    {
        var h = HistoryLoader.Load(HistoryLocator.Find());

        Assert.Equal(new DateOnly(2010, 7, 13), h.Btc.Dates[0]);
        Assert.Equal(5754, h.Btc.Count);
        Assert.Equal(0.05816341, h.Btc.Close[0], 12);
        Assert.True(h.Eth.Dates[0] < new DateOnly(2017, 11, 9), "ETH is extended before Yahoo's start by CoinGecko snapshots");
        var yahooStart = h.Eth.Closes.IndexOnOrBefore(new DateOnly(2017, 11, 9));
        Assert.Equal(320.8840026855469, h.Eth.Close[yahooStart], 9);
        Assert.True(double.IsNaN(h.Eth.Open[0]));
        Assert.Equal(new DateOnly(2010, 7, 18), h.MvrvRatio.First);
        Assert.InRange(h.TBill3m.ValueAt(0), 0.045, 0.046);
        Assert.Equal(new DateOnly(2016, 5, 14), h.FundingRate.First);
    }

    [Fact]
    public void ReadValues_BadNumber_NamesFileAndLine()
    {
        var path = Path.Combine(Path.GetTempPath(), $"bad-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "date,value\n2020-01-01,1\n2020-01-02,abc\n");
        try
        {
            var ex = Assert.Throws<InvalidDataException>(() => HistoryCsv.ReadValues(path, "x"));
            Assert.Contains(":3:", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void TryGetAsOf_NeverReturnsALaterPoint()
    {
        var h = HistoryLoader.Load(HistoryLocator.Find());
        var gap = new DateOnly(2018, 4, 15); // an upstream gap in Fear & Greed
        Assert.True(h.FearGreed.TryGetAsOf(gap, out var observed, out _));
        Assert.Equal(new DateOnly(2018, 4, 13), observed);
    }
}
