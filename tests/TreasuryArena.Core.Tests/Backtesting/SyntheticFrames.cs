using TreasuryArena.Core.Backtesting;

namespace TreasuryArena.Core.Tests.Backtesting;

/// <summary>Deterministic synthetic frames: BTC and ETH random walks with opens, a 5% yield index, MVRV Z and Fear &amp; Greed.</summary>
internal static class SyntheticFrames
{
    public static readonly DateOnly Start = new(2018, 1, 1);

    public static BarData Create(int bars, int seed, Func<string, int, double, double>? tweak = null)
    {
        var rng = new Random(seed);
        var dates = new DateOnly[bars];
        for (var i = 0; i < bars; i++)
        {
            dates[i] = Start.AddDays(i);
        }

        AssetBars Walk(string symbol, double start, double vol)
        {
            var open = new double[bars];
            var close = new double[bars];
            var p = start;
            for (var i = 0; i < bars; i++)
            {
                open[i] = p * (1 + ((rng.NextDouble() - 0.5) * vol * 0.2));
                p *= Math.Exp(((rng.NextDouble() - 0.5) * 2 * vol) + 0.0005);
                close[i] = p;
            }

            return new AssetBars(symbol, open, close);
        }

        var btc = Walk("BTC", 10_000, 0.04);
        var eth = Walk("ETH", 500, 0.05);
        var yieldIdx = YieldModel.Fixed(0.05, venue: null).Index(dates, null);
        var yieldOpen = new double[bars];
        yieldOpen[0] = 1;
        for (var i = 1; i < bars; i++)
        {
            yieldOpen[i] = yieldIdx[i - 1];
        }

        var z = new double[bars];
        var fg = new double[bars];
        for (var i = 0; i < bars; i++)
        {
            z[i] = 4 + (6 * Math.Sin(i / 60.0)) + rng.NextDouble();
            fg[i] = Math.Round(50 + (45 * Math.Sin(i / 17.0)) + (rng.NextDouble() * 4), MidpointRounding.ToEven);
        }

        if (tweak is not null)
        {
            for (var i = 0; i < bars; i++)
            {
                btc.Close[i] = tweak("BTC", i, btc.Close[i]);
                eth.Close[i] = tweak("ETH", i, eth.Close[i]);
                z[i] = tweak(AuxSeries.MvrvZ, i, z[i]);
                fg[i] = tweak(AuxSeries.FearGreed, i, fg[i]);
            }
        }

        return new BarData(
            dates,
            [btc, eth, new AssetBars(BarDataBuilder.Yield, yieldOpen, yieldIdx, IsYield: true)],
            new Dictionary<string, double[]> { [AuxSeries.MvrvZ] = z, [AuxSeries.FearGreed] = fg });
    }

    /// <summary>Two assets whose price never moves (open = close = 1).</summary>
    public static BarData Flat(int bars)
    {
        var dates = Enumerable.Range(0, bars).Select(i => Start.AddDays(i)).ToArray();
        double[] Ones() => Enumerable.Repeat(1.0, bars).ToArray();
        return new BarData(dates, [new AssetBars("BTC", Ones(), Ones()), new AssetBars("ETH", Ones(), Ones())]);
    }
}
