using TreasuryArena.Core.MarketData;

namespace TreasuryArena.Core.Tests.MarketData;

public sealed class InceptionTests
{
    private static readonly DateOnly Start = new(2014, 1, 1);

    /// <summary>A daily series whose volume on day i is <paramref name="volume"/>(i) (closes all 100).</summary>
    internal static OhlcvSeries Series(int days, Func<int, double> volume, string symbol = "BTC")
    {
        var dates = Enumerable.Range(0, days).Select(Start.AddDays).ToArray();
        var close = dates.Select(_ => 100.0).ToArray();
        return new OhlcvSeries(symbol, dates, close, close, close, close, dates.Select((_, i) => volume(i)).ToArray());
    }

    [Fact]
    public void FirstLiquidDay_ThinDaysThenLiquidRun_StartsAtTheRun()
    {
        // 40 thin days ($50k), then liquid ($2M) for the rest of a 300-day history.
        var inception = Inception.FirstLiquidDay(Series(300, i => i < 40 ? 50_000 : 2_000_000));

        Assert.NotNull(inception);
        Assert.Equal("BTC", inception.Asset);
        Assert.Equal(Start.AddDays(40), inception.Date);
        Assert.Equal(Start, inception.FirstData);
        Assert.Contains("90 consecutive days", inception.Reason, StringComparison.Ordinal);
        Assert.Contains("median volume of $50,000", inception.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void FirstLiquidDay_ZeroVolumeDayInsideTheFirstRun_StartsAfterIt()
    {
        // Liquid from day 10, but a zero-volume day at 60 (50 liquid days, short of 90): the run that counts starts at 61.
        var inception = Inception.FirstLiquidDay(Series(400, i => i < 10 || i == 60 ? 0 : 5_000_000));

        Assert.Equal(Start.AddDays(61), inception!.Date);
        Assert.Contains("had 11 zero-volume days", inception.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void FirstLiquidDay_MissingCalendarDay_BreaksTheRun()
    {
        var full = Series(300, _ => 2_000_000);
        var keep = Enumerable.Range(0, full.Count).Where(i => i != 30).ToArray();
        var gapped = new OhlcvSeries("ETH", [.. keep.Select(i => full.Dates[i])], [.. keep.Select(i => full.Open[i])], [.. keep.Select(i => full.High[i])],
            [.. keep.Select(i => full.Low[i])], [.. keep.Select(i => full.Close[i])], [.. keep.Select(i => full.Volume[i])]);

        Assert.Equal(Start.AddDays(31), Inception.FirstLiquidDay(gapped)!.Date);
    }

    [Fact]
    public void FirstLiquidDay_ShortHistoryLiquidToTheEnd_CountsTheRunThatReachesTheEnd()
    {
        Assert.Equal(Start.AddDays(5), Inception.FirstLiquidDay(Series(30, i => i < 5 ? 10 : 1_000_000))!.Date);
    }

    [Fact]
    public void FirstLiquidDay_NeverLiquid_IsNull()
    {
        Assert.Null(Inception.FirstLiquidDay(Series(200, i => i % 50 == 49 ? 0 : 999_999)));
    }

    [Fact]
    public void FirstLiquidDay_NoVolumeReported_StartsAtTheFirstPriceAndSaysSo()
    {
        var inception = Inception.FirstLiquidDay(Series(100, _ => double.NaN));

        Assert.Equal(Start, inception!.Date);
        Assert.Contains("reports no volume", inception.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Venue_KnownAndUnknownIds_LaunchDatesOrNull()
    {
        Assert.Equal(new DateOnly(2020, 1, 8), Inception.Venue("AAVE")!.Date);
        Assert.Equal(new DateOnly(2020, 1, 3), Inception.Venue("curve")!.Date);
        Assert.Equal(new DateOnly(2021, 6, 17), Inception.Venue("pendle")!.Date);
        Assert.Equal("aave", Inception.LendingVenue.Venue);
        Assert.Null(Inception.Venue("paper"));
        Assert.All(Inception.Venues, v => Assert.False(string.IsNullOrWhiteSpace(v.Source)));
    }

    [Fact]
    public void Venue_EveryDefaultTreasuryVenue_HasALaunch()
    {
        Assert.All(new Core.Treasury.TreasuryOptions().EffectiveBaseVenues(), v => Assert.NotNull(Inception.Venue(v.Venue)));
    }
}
