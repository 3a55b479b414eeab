using TreasuryArena.Core.Quant;

namespace TreasuryArena.Core.Tests.Quant;

public sealed class RiskLimitedAllocationTests
{
    private static double[] Caps(int n, double cap) => Enumerable.Repeat(cap, n).ToArray();

    [Theory]
    [InlineData(0.03)]
    [InlineData(0.05)]
    [InlineData(0.07)]
    public void Solve_CeilingBinds_VolatilityEqualsCeilingAndRestInCash(double ceiling)
    {
        var input = TestProblems.Random(12, seed: 3);
        var r = RiskLimitedAllocation.Solve(input, Caps(12, 0.2), Caps(12, 0), ceiling, null, minimumVariance: false);

        Assert.True(r.CeilingBinds);
        Assert.InRange(r.Volatility, ceiling - 1e-6, ceiling + 1e-6);
        Assert.All(r.Weights, w => Assert.InRange(w, 0, 0.2 + 1e-9));
        Assert.InRange(r.Cash, 0, 1);
        Assert.Equal(1 - r.Weights.Sum(), r.Cash, 12);
    }

    [Fact]
    public void Solve_CeilingBinds_NoFeasibleMixWithThatVolatilityReturnsMore()
    {
        // Against random feasible portfolios (with cash) at or under the ceiling, the solution's return is the highest.
        var input = TestProblems.Random(8, seed: 11);
        const double ceiling = 0.08;
        var r = RiskLimitedAllocation.Solve(input, Caps(8, 0.25), Caps(8, 0), ceiling, null, minimumVariance: false);
        var rng = new Random(5);
        for (var k = 0; k < 2_000; k++)
        {
            var w = Enumerable.Range(0, 8).Select(_ => rng.NextDouble() * 0.25).ToArray();
            var sum = w.Sum();
            if (sum > 1)
            {
                w = w.Select(v => v / sum).ToArray();
            }

            if (Math.Sqrt(input.PortfolioVariance(w)) <= ceiling)
            {
                Assert.True(input.PortfolioReturn(w) <= r.ExpectedReturn + 1e-7, $"random mix returns {input.PortfolioReturn(w)} > {r.ExpectedReturn}");
            }
        }
    }

    [Fact]
    public void Solve_LooseCeiling_HighestReturnCornerFullyInvested()
    {
        var input = TestProblems.Random(10, seed: 4);
        var r = RiskLimitedAllocation.Solve(input, Caps(10, 0.2), Caps(10, 0), 5.0, null, minimumVariance: false);
        var top = input.ExpectedReturns.Select((m, i) => (m, i)).OrderByDescending(x => x.m).Take(5).Select(x => x.i).ToHashSet();

        Assert.False(r.CeilingBinds);
        Assert.Equal(0, r.Cash, 6);
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(top.Contains(i) ? 0.2 : 0, r.Weights[i], 6);
        }
    }

    [Fact]
    public void Solve_ExposureCapBinds_WeightedSumAtTheCap()
    {
        var input = TestProblems.Random(10, seed: 8);
        var exposure = Enumerable.Range(0, 10).Select(i => i < 5 ? 1.0 : 0.2).ToArray();
        var r = RiskLimitedAllocation.Solve(input, Caps(10, 0.2), exposure, null, 0.4, minimumVariance: false);

        Assert.True(r.ExposureBinds || r.Exposure < 0.4);
        Assert.InRange(r.Exposure, 0, 0.4 + 1e-7);
        Assert.InRange(exposure.Zip(r.Weights, (e, w) => e * w).Sum(), 0, 0.4 + 1e-7);
    }

    [Fact]
    public void Solve_MinimumVarianceLooseCeiling_EqualsFullyInvestedMinVolatility()
    {
        var input = TestProblems.Random(10, seed: 9);
        var r = RiskLimitedAllocation.Solve(input, Caps(10, 0.2), Caps(10, 0), null, null, minimumVariance: true);
        var minVol = PortfolioOptimizer.MinVolatility(input, new PortfolioConstraints { MaxWeight = 0.2 });

        Assert.Equal(0, r.Cash, 5);
        Assert.Equal(minVol.Volatility, r.Volatility, 5);
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(minVol.Weights[i], r.Weights[i], 3);
        }
    }

    [Fact]
    public void Solve_NoPositiveReturn_AllCash()
    {
        var input = TestProblems.Random(6, seed: 2, muShift: -0.5);
        var r = RiskLimitedAllocation.Solve(input, Caps(6, 0.2), Caps(6, 0), 0.2, null, minimumVariance: false);

        Assert.Equal(1, r.Cash);
        Assert.All(r.Weights, w => Assert.Equal(0, w));
    }
}
