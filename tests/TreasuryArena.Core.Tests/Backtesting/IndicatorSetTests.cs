using TreasuryArena.Core.Backtesting;
using TreasuryArena.Core.Strategies;

namespace TreasuryArena.Core.Tests.Backtesting;

public sealed class IndicatorSetTests
{
    /// <summary>The textbook running-sum SMA in one loop, the reference the on-demand fill must match bit for bit.</summary>
    private static double[] ReferenceSma(double[] c, int window)
    {
        var r = new double[c.Length];
        double sum = 0;
        for (var i = 0; i < c.Length; i++)
        {
            sum += c[i];
            if (i >= window)
            {
                sum -= c[i - window];
            }

            r[i] = i >= window - 1 ? sum / window : double.NaN;
        }

        return r;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(20)]
    [InlineData(200)]
    [InlineData(CausalSeries.Block + 7)]
    public void Sma_FilledOnDemandAcrossBlocks_EqualsOneLoopBitForBit(int window)
    {
        var frame = SyntheticFrames.Create((3 * CausalSeries.Block) + 123, seed: 11);
        var close = frame.Assets[0].Close;
        var expected = ReferenceSma(close, window);
        using var set = new IndicatorSet(frame);
        var sma = set.Sma("BTC", window);

        // Read forwards with jumps over whole blocks, then look back: every value is the reference's.
        var rng = new Random(window);
        for (var t = 0; t < frame.Count; t += 1 + rng.Next(CausalSeries.Block + 500))
        {
            var view = new MarketView(frame, t, 0);
            Assert.Equal(BitConverter.DoubleToInt64Bits(expected[t]), BitConverter.DoubleToInt64Bits(view.Value(sma)));
        }

        var last = new MarketView(frame, frame.Count - 1, 0);
        Assert.True(last.Window(sma, frame.Count).SequenceEqual(expected));
    }

    [Fact]
    public void Sma_ReadFromManyThreads_AllSeeTheSameValues()
    {
        var frame = SyntheticFrames.Create(5 * CausalSeries.Block, seed: 12);
        var expected = ReferenceSma(frame.Assets[1].Close, 50);
        using var set = new IndicatorSet(frame);
        var sma = set.Sma("ETH", 50);
        var mismatches = 0;
        Parallel.For(0, 8, k =>
        {
            for (var t = k; t < frame.Count; t += 1 + k)
            {
                var v = new MarketView(frame, t, 0).Value(sma);
                if (BitConverter.DoubleToInt64Bits(v) != BitConverter.DoubleToInt64Bits(expected[t]))
                {
                    Interlocked.Increment(ref mismatches);
                }
            }
        });
        Assert.Equal(0, mismatches);
    }

    [Fact]
    public void Sma_SeveralWindowsFilledTogether_EachEqualsOneLoopBitForBit()
    {
        // Averages of one asset standing at the same bar are filled in one loop; one made later starts on its own.
        var frame = SyntheticFrames.Create((4 * CausalSeries.Block) + 77, seed: 15);
        var close = frame.Assets[0].Close;
        using var set = new IndicatorSet(frame);
        int[] windows = [20, 100, 5, 3000];
        var series = windows.Select(w => set.Sma("BTC", w)).ToList();
        var rng = new Random(15);
        for (var t = 0; t < frame.Count; t += 1 + rng.Next(CausalSeries.Block / 2))
        {
            var view = new MarketView(frame, t, 0);
            Assert.Equal(view.Value(series[0]) > view.Value(series[1]), ReferenceSma(close, 20)[t] > ReferenceSma(close, 100)[t]);
            if (t > 2 * CausalSeries.Block && series.Count == windows.Length)
            {
                series.Add(set.Sma("BTC", 7));
            }
        }

        var last = new MarketView(frame, frame.Count - 1, 0);
        foreach (var (w, sma) in windows.Append(7).Zip(series))
        {
            var expected = ReferenceSma(close, w);
            var actual = last.Window(sma, frame.Count).ToArray();
            Assert.Equal(expected.Select(BitConverter.DoubleToInt64Bits), actual.Select(BitConverter.DoubleToInt64Bits));
        }
    }

    [Fact]
    public void Sma_SeveralWindowsReadFromManyThreads_AllSeeTheSameValues()
    {
        var frame = SyntheticFrames.Create(5 * CausalSeries.Block, seed: 16);
        int[] windows = [2, 20, 50, 100, 200];
        var expected = windows.Select(w => ReferenceSma(frame.Assets[1].Close, w)).ToArray();
        using var set = new IndicatorSet(frame);
        var series = windows.Select(w => set.Sma("ETH", w)).ToArray();
        var mismatches = 0;
        Parallel.For(0, 8, k =>
        {
            for (var t = k; t < frame.Count; t += 1 + k)
            {
                var j = (t + k) % windows.Length;
                var v = new MarketView(frame, t, 0).Value(series[j]);
                if (BitConverter.DoubleToInt64Bits(v) != BitConverter.DoubleToInt64Bits(expected[j][t]))
                {
                    Interlocked.Increment(ref mismatches);
                }
            }
        });
        Assert.Equal(0, mismatches);
    }

    [Fact]
    public void Dispose_SeriesAndSetRefuseUse()
    {
        var frame = SyntheticFrames.Create(300, seed: 13);
        var set = new IndicatorSet(frame);
        var sma = set.Sma("BTC", 20);
        Assert.False(double.IsNaN(new MarketView(frame, 100, 0).Value(sma)));

        set.Dispose();

        Assert.Throws<ObjectDisposedException>(() => new MarketView(frame, 100, 0).Value(sma));
        Assert.Throws<ObjectDisposedException>(() => set.Sma("BTC", 30));
    }

    [Fact]
    public void Backtest_WithDisposedAndReusedBuffers_RepeatsExactly()
    {
        // A run on a pooled buffer (returned dirty by an earlier set) must give exactly the first run's curve.
        var frame = SyntheticFrames.Create(2_000, seed: 14);
        var strategy = StrategyLibrary.Create("ma-crossover", new Dictionary<string, string> { ["flat"] = "cash", ["fast"] = "7", ["slow"] = "60" });
        double[] Once()
        {
            using var set = new IndicatorSet(frame);
            return new PortfolioSimulator(frame, strategy, new BacktestOptions(), 60, frame.Count - 1, set).Run().Equity;
        }

        var first = Once();
        for (var k = 0; k < 3; k++)
        {
            Assert.Equal(first, Once());
        }
    }
}
