using TreasuryArena.Core.MarketData;

namespace TreasuryArena.Infrastructure.Tests.Evaluation;

/// <summary>Constructed market histories: BTC and ETH closes from a function of the day index, every auxiliary series flat.</summary>
internal static class SyntheticHistory
{
    public static readonly DateOnly Start = new(2020, 1, 1);

    public static MarketHistory Build(int days, Func<int, double> btc, Func<int, double> eth, double tbill = 0.03)
    {
        var dates = Enumerable.Range(0, days).Select(Start.AddDays).ToArray();
        return new MarketHistory(
            Series("BTC", dates, btc),
            Series("ETH", dates, eth),
            Flat("mvrv_z", dates, 1.5),
            Flat("mvrv_z_glassnode", dates, 1.5),
            Flat("mvrv_ratio", dates, 1.5),
            Flat("fear_greed", dates, 50),
            Flat("funding", dates, 0.0001),
            Flat("tbill", dates, tbill));
    }

    /// <summary>A path from daily log-returns: drift per day plus seeded Gaussian noise of <paramref name="vol"/> per day.</summary>
    public static Func<int, double> Path(double drift, double vol, int seed, double start = 100)
    {
        var random = new Random(seed);
        var prices = new List<double> { start };
        return i =>
        {
            while (prices.Count <= i)
            {
                var u1 = 1.0 - random.NextDouble();
                var u2 = random.NextDouble();
                var z = Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
                prices.Add(prices[^1] * Math.Exp(drift + (vol * z)));
            }

            return prices[i];
        };
    }

    /// <summary>The same history with the daily returns after <paramref name="cut"/> shuffled (prices up to the cut unchanged).</summary>
    public static MarketHistory ScrambleAfter(MarketHistory h, DateOnly cut, int seed) =>
        h with { Btc = Scramble(h.Btc, cut, seed), Eth = Scramble(h.Eth, cut, seed + 1) };

    private static OhlcvSeries Scramble(OhlcvSeries s, DateOnly cut, int seed)
    {
        var close = s.Close.ToArray();
        var k = Array.IndexOf(s.Dates.ToArray(), cut);
        var ratios = Enumerable.Range(k + 1, close.Length - k - 1).Select(i => close[i] / close[i - 1]).ToArray();
        new Random(seed).Shuffle(ratios);
        for (var i = k + 1; i < close.Length; i++)
        {
            close[i] = close[i - 1] * ratios[i - k - 1];
        }

        return Ohlcv(s.Symbol, s.Dates.ToArray(), close);
    }

    private static OhlcvSeries Series(string symbol, DateOnly[] dates, Func<int, double> price) =>
        Ohlcv(symbol, dates, dates.Select((_, i) => price(i)).ToArray());

    private static OhlcvSeries Ohlcv(string symbol, DateOnly[] dates, double[] close)
    {
        var open = close.Select((c, i) => i == 0 ? c : close[i - 1]).ToArray();
        var high = close.Select((c, i) => Math.Max(c, open[i])).ToArray();
        var low = close.Select((c, i) => Math.Min(c, open[i])).ToArray();
        return new OhlcvSeries(symbol, dates, open, high, low, close, close.Select(_ => 1e9).ToArray());
    }

    private static TimeSeries Flat(string name, DateOnly[] dates, double value) => new(name, dates, dates.Select(_ => value).ToArray());
}
