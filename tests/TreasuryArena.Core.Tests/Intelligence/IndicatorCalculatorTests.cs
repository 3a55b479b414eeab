using FsCheck;
using FsCheck.Fluent;
using TreasuryArena.Core.Intelligence;
using TreasuryArena.Core.MarketData;

namespace TreasuryArena.Core.Tests.Intelligence;

public sealed class IndicatorCalculatorTests
{
    private static readonly DateOnly Start = new(2020, 1, 1);

    private static TimeSeries Daily(string name, Func<int, double> value, int days, DateOnly? start = null)
    {
        var s = start ?? Start;
        return new TimeSeries(name, [.. Enumerable.Range(0, days).Select(s.AddDays)], [.. Enumerable.Range(0, days).Select(value)]);
    }

    private static IndicatorInputs Inputs(TimeSeries btc, TimeSeries? eth = null, TimeSeries? z = null, TimeSeries? funding = null, TimeSeries? fg = null) =>
        new(new(btc, "btc"), eth is null ? null : new(eth, "eth"), z is null ? null : new(z, "z"), funding is null ? null : new(funding, "f"), fg is null ? null : new(fg, "fg"));

    [Fact]
    public void Compute_LinearPrices_MovingAverageAndMayerExact()
    {
        var btc = Daily("btc", i => 100 + i, 300);
        var asOf = Start.AddDays(299);

        var s = IndicatorCalculator.Compute(Inputs(btc), asOf, "test", TimeSpan.FromDays(1));

        Assert.Equal(399, s.BtcPrice.Value);
        Assert.Equal(299.5, s.BtcMa200.Value!.Value, 9); // mean of 300..399
        Assert.Equal(399 / 299.5, s.MayerMultiple.Value!.Value, 12);
        Assert.Equal((399.0 / 398) - 1, s.BtcChange24h.Value!.Value, 12);
        Assert.Equal((399.0 / 369) - 1, s.BtcChange30d.Value!.Value, 12);
        Assert.Equal(0, s.BtcDrawdown365.Value);
        Assert.False(s.BtcPrice.Stale);
    }

    [Fact]
    public void Compute_ConstantGrowth_ZeroVolatility()
    {
        var btc = Daily("btc", i => 100 * Math.Pow(1.01, i), 60);

        var s = IndicatorCalculator.Compute(Inputs(btc), Start.AddDays(59), "test", TimeSpan.FromDays(1));

        Assert.Equal(0, s.BtcRealisedVol30d.Value!.Value, 9);
    }

    [Fact]
    public void Compute_AlternatingReturns_VolatilityMatchesFormula()
    {
        var btc = Daily("btc", i => i % 2 == 0 ? 100 : 110, 40);

        var s = IndicatorCalculator.Compute(Inputs(btc), Start.AddDays(39), "test", TimeSpan.FromDays(1));

        // 30 log returns alternating ±ln(1.1): mean 0, sample variance = 30·ln(1.1)² / 29
        var expected = Math.Sqrt(30 * Math.Log(1.1) * Math.Log(1.1) / 29) * Math.Sqrt(365);
        Assert.Equal(expected, s.BtcRealisedVol30d.Value!.Value, 9);
    }

    [Fact]
    public void Compute_ShortHistory_MovingAverageMissingNotInvented()
    {
        var btc = Daily("btc", i => 100 + i, 150);

        var s = IndicatorCalculator.Compute(Inputs(btc), Start.AddDays(149), "test", TimeSpan.FromDays(1));

        Assert.True(s.BtcMa200.IsMissing);
        Assert.True(s.MayerMultiple.IsMissing);
        Assert.NotNull(s.BtcMa200.Note);
        Assert.False(s.BtcPrice.IsMissing);
    }

    [Fact]
    public void Compute_GapInSeries_ServesOlderValueMarkedStaleWithAge()
    {
        var btc = Daily("btc", i => 100, 10);
        var fg = Daily("fg", i => 20, 5);

        var s = IndicatorCalculator.Compute(Inputs(btc, fg: fg), Start.AddDays(9), "test", TimeSpan.FromDays(1));

        Assert.Equal(20, s.FearGreed.Value);
        Assert.Equal("Extreme Fear", s.FearGreed.Label);
        Assert.True(s.FearGreed.Stale);
        Assert.Equal(TimeSpan.FromDays(5), s.FearGreed.Age);
        Assert.Equal(IndicatorCalculator.Instant(Start.AddDays(4)), s.FearGreed.AsOf);
    }

    [Fact]
    public void Compute_BeforeFirstPoint_Missing()
    {
        var btc = Daily("btc", i => 100, 10);

        var s = IndicatorCalculator.Compute(Inputs(btc), Start.AddDays(-1), "test", TimeSpan.FromDays(1));

        Assert.All(s.All, r => Assert.True(r.IsMissing));
    }

    [Fact]
    public void Compute_Funding_AnnualisedIsThreeTimesDailyTimes365()
    {
        var btc = Daily("btc", i => 100, 10);
        var funding = Daily("f", i => 0.0001, 10);

        var s = IndicatorCalculator.Compute(Inputs(btc, funding: funding), Start.AddDays(9), "test", TimeSpan.FromDays(1));

        Assert.Equal(0.0001 * 3 * 365, s.FundingRateAnnualised.Value!.Value, 12);
        Assert.Equal("f", s.FundingRateAnnualised.Source);
    }

    /// <summary>The no-future-data property: cutting every series after t never changes the snapshot as of t.</summary>
    [Fact]
    public void Compute_TruncatingAfterAsOf_NeverChangesTheAnswer()
    {
        var gen =
            from n in Gen.Choose(5, 420)
            from seed in Gen.Choose(0, int.MaxValue)
            from t in Gen.Choose(-3, n + 3)
            from gaps in Gen.Choose(0, 1)
            select (n, seed, t, gaps == 1);

        Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var rng = new Random(c.seed);
            TimeSeries Random(string name, double level)
            {
                var dates = new List<DateOnly>();
                var values = new List<double>();
                var price = level;
                for (var i = 0; i < c.n; i++)
                {
                    price *= Math.Exp((rng.NextDouble() - 0.5) * 0.1);
                    if (c.Item4 && rng.NextDouble() < 0.05)
                    {
                        continue;
                    }

                    dates.Add(Start.AddDays(i));
                    values.Add(price);
                }

                return new TimeSeries(name, [.. dates], [.. values]);
            }

            var full = Inputs(Random("btc", 100), Random("eth", 10), Random("z", 2), Random("f", 0.0001), Random("fg", 50));
            var asOf = Start.AddDays(c.t);
            var cut = new IndicatorInputs(
                full.Btc! with { Series = full.Btc.Series.Until(asOf) },
                full.Eth! with { Series = full.Eth.Series.Until(asOf) },
                full.MvrvZ! with { Series = full.MvrvZ.Series.Until(asOf) },
                full.FundingRate! with { Series = full.FundingRate.Series.Until(asOf) },
                full.FearGreed! with { Series = full.FearGreed.Series.Until(asOf) });

            var a = IndicatorCalculator.Compute(full, asOf, "test", TimeSpan.FromDays(1));
            var b = IndicatorCalculator.Compute(cut, asOf, "test", TimeSpan.FromDays(1));
            return a.All.SequenceEqual(b.All);
        }).QuickCheckThrowOnFailure();
    }
}
