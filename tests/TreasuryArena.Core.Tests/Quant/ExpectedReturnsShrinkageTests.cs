using TreasuryArena.Core.Quant;

namespace TreasuryArena.Core.Tests.Quant;

public sealed class ExpectedReturnsShrinkageTests
{
    private static ReturnTable Table(params double[][] columns)
    {
        var n = columns.Max(c => c.Length);
        var dates = Enumerable.Range(0, n).Select(d => new DateOnly(2024, 1, 1).AddDays(d)).ToList();
        return new ReturnTable(columns.Select((_, i) => "A" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList(), dates,
            columns.Select(c => Enumerable.Repeat(double.NaN, n - c.Length).Concat(c).ToArray()).ToList());
    }

    private static double[] Noisy(int n, double mean, double vol, int seed)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => mean + (vol * Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble()))).ToArray();
    }

    [Fact]
    public void ShrinkTowardMean_MatchesJamesSteinByHand()
    {
        var cols = Enumerable.Range(0, 6).Select(i => Noisy(365 - (i * 30), 0.001 * i, 0.02, i + 1)).ToArray();
        var s = ExpectedReturns.ShrinkTowardMean(Table(cols), 365);

        var means = cols.Select(c => c.Average()).ToArray();
        var sampling = cols.Select(c => c.Select(r => (r - c.Average()) * (r - c.Average())).Sum() / (c.Length - 1) / c.Length).ToArray();
        var prior = means.Average();
        var delta = Math.Min(1, 3 * sampling.Average() / means.Sum(m => (m - prior) * (m - prior)));
        Assert.Equal(prior * 365, s.Prior, 10);
        Assert.Equal(delta, s.Intensity, 10);
        for (var i = 0; i < 6; i++)
        {
            Assert.Equal((prior + ((1 - delta) * (means[i] - prior))) * 365, s.Values[i], 10);
            Assert.Equal(means[i] * 365, s.SampleMeans[i], 10);
        }

        Assert.Equal(215, s.MinObservations);
        Assert.Equal(365, s.MaxObservations);
    }

    [Fact]
    public void ShrinkTowardMean_EachEstimateBetweenItsSampleMeanAndThePrior()
    {
        var cols = Enumerable.Range(0, 8).Select(i => Noisy(365, 0.0004 * i, 0.03, 40 + i)).ToArray();
        var s = ExpectedReturns.ShrinkTowardMean(Table(cols), 365);

        Assert.InRange(s.Intensity, 0.01, 0.99);
        for (var i = 0; i < 8; i++)
        {
            Assert.InRange(s.Values[i], Math.Min(s.SampleMeans[i], s.Prior) - 1e-12, Math.Max(s.SampleMeans[i], s.Prior) + 1e-12);
        }
    }

    [Fact]
    public void ShrinkTowardMean_SameReturnsReordered_ShrinksFullyToTheCommonMean()
    {
        // Five tokens with the same returns in different orders: identical means, no spread to explain, δ = 1.
        var basis = Noisy(120, 0.001, 0.04, 100);
        var cols = Enumerable.Range(0, 5).Select(i => basis.Skip(i * 7).Concat(basis.Take(i * 7)).ToArray()).ToArray();
        var s = ExpectedReturns.ShrinkTowardMean(Table(cols), 365);

        Assert.Equal(1, s.Intensity);
        Assert.All(s.Values, v => Assert.Equal(basis.Average() * 365, v, 10));
    }

    [Fact]
    public void ShrinkTowardMean_PureNoise_ShrinksMoreThanRealDifferences()
    {
        // Same true mean (noise only) against true means 0.4%/day apart with the same noise: the noise is shrunk harder.
        var noise = Enumerable.Range(0, 8).Select(i => Noisy(365, 0.001, 0.03, 400 + i)).ToArray();
        var real = Enumerable.Range(0, 8).Select(i => Noisy(365, 0.001 + (0.004 * i), 0.03, 400 + i)).ToArray();

        Assert.True(ExpectedReturns.ShrinkTowardMean(Table(noise), 365).Intensity > 0.5);
        Assert.True(ExpectedReturns.ShrinkTowardMean(Table(real), 365).Intensity < 0.05);
    }

    [Fact]
    public void ShrinkTowardMean_ClearlyDifferentMeans_HardlyShrinks()
    {
        var cols = Enumerable.Range(0, 5).Select(i => Noisy(365, 0.002 * i, 0.002, 200 + i)).ToArray();
        var s = ExpectedReturns.ShrinkTowardMean(Table(cols), 365);

        Assert.True(s.Intensity < 0.01, $"intensity {s.Intensity}");
    }

    [Fact]
    public void ShrinkTowardMean_FewerThanFourAssets_IntensityOne()
    {
        var cols = Enumerable.Range(0, 3).Select(i => Noisy(365, 0.002 * i, 0.002, 300 + i)).ToArray();
        var s = ExpectedReturns.ShrinkTowardMean(Table(cols), 365);

        Assert.Equal(1, s.Intensity);
        Assert.All(s.Values, v => Assert.Equal(s.Prior, v, 12));
    }
}
