using MathNet.Numerics.Statistics;
using TreasuryArena.Core.Quant;

namespace TreasuryArena.Core.Tests.Quant;

public sealed class RiskModelsTests
{
    private static ReturnTable RandomReturns(int n, int t, int seed)
    {
        var rng = new Random(seed);
        var market = Enumerable.Range(0, t).Select(_ => (rng.NextDouble() - 0.5) * 0.03).ToArray();
        var cols = Enumerable.Range(0, n).Select(j => Enumerable.Range(0, t).Select(k => (0.5 + j * 0.2) * market[k] + (rng.NextDouble() - 0.5) * 0.02 + 0.0003).ToArray()).ToArray();
        var d0 = new DateOnly(2020, 1, 1);
        return new ReturnTable(Enumerable.Range(0, n).Select(i => $"A{i}").ToArray(), Enumerable.Range(0, t).Select(d0.AddDays).ToArray(), cols);
    }

    private static double[][] Centered(ReturnTable r) =>
        Enumerable.Range(0, r.AssetCount).Select(j =>
        {
            var c = r.Column(j).ToArray();
            var m = c.Average();
            return c.Select(v => v - m).ToArray();
        }).ToArray();

    [Fact]
    public void Sample_CompleteData_AgreesWithMathNetCovariance()
    {
        var r = RandomReturns(5, 200, 1);
        var cov = RiskModels.Sample(r, 252);

        for (var i = 0; i < 5; i++)
        {
            for (var j = 0; j < 5; j++)
            {
                Assert.Equal(r.Column(i).ToArray().Covariance(r.Column(j).ToArray()) * 252, cov.Matrix[i, j], 12);
            }
        }
    }

    [Fact]
    public void Sample_RaggedOracle_PairwiseCompleteOverCommonDates()
    {
        var (tickers, dates, cols) = OracleData.Stocks();
        var returns = new PriceTable(tickers, dates, cols).ToReturns();
        var cov = RiskModels.Sample(returns);
        int g = Array.IndexOf(tickers, "GOOG"), f = Array.IndexOf(tickers, "FB");
        var both = Enumerable.Range(0, returns.RowCount).Where(k => !double.IsNaN(returns.Column(g)[k]) && !double.IsNaN(returns.Column(f)[k])).ToList();
        var x = both.Select(k => returns.Column(g)[k]).ToArray();
        var y = both.Select(k => returns.Column(f)[k]).ToArray();

        Assert.Equal(x.Covariance(y) * 252, cov.Matrix[g, f], 12);
        Assert.Equal(returns.Column(g).ToArray().Where(v => !double.IsNaN(v)).Variance() * 252, cov.Matrix[g, g], 12);
    }

    [Fact]
    public void Correlation_RaggedOracle_PearsonOverTheOverlapNotWholeHistoryVariances()
    {
        var (tickers, dates, cols) = OracleData.Stocks();
        var returns = new PriceTable(tickers, dates, cols).ToReturns();
        var corr = RiskModels.Correlation(returns);
        var cov = RiskModels.Sample(returns).Values;
        var n = returns.AssetCount;
        int g = Array.IndexOf(tickers, "GOOG"), f = Array.IndexOf(tickers, "FB");
        var both = Enumerable.Range(0, returns.RowCount).Where(k => !double.IsNaN(returns.Column(g)[k]) && !double.IsNaN(returns.Column(f)[k])).ToList();
        var x = both.Select(k => returns.Column(g)[k]).ToArray();
        var y = both.Select(k => returns.Column(f)[k]).ToArray();

        Assert.Equal(Correlation.Pearson(x, y), corr[g * n + f], 12);
        Assert.Equal(corr[g * n + f], corr[f * n + g]);
        Assert.Equal(1.0, corr[g * n + g]);
        // GOOG's variance over 2004–2018 is not FB's window: the old derivation gives another (wrong) number.
        var derived = cov[g * n + f] / Math.Sqrt(cov[g * n + g] * cov[f * n + f]);
        Assert.True(Math.Abs(derived - corr[g * n + f]) > 1e-3, $"derived {derived} vs pairwise {corr[g * n + f]}");
    }

    [Fact]
    public void Correlation_PairWithoutCommonReturns_IsUndefinedAndHrpRefuses()
    {
        var nan = double.NaN;
        var d0 = new DateOnly(2020, 1, 1);
        var returns = new ReturnTable(["a", "b", "c"], Enumerable.Range(0, 6).Select(d0.AddDays).ToArray(),
        [
            [0.01, -0.02, 0.03, nan, nan, nan],
            [nan, nan, nan, 0.02, -0.01, 0.01],
            [0.02, -0.01, 0.02, 0.01, -0.03, 0.02],
        ]);

        var corr = RiskModels.Correlation(returns);

        Assert.True(double.IsNaN(corr[0 * 3 + 1]));
        var ex = Assert.Throws<QuantException>(() => HierarchicalRiskParity.Solve(new PortfolioInput(["a", "b", "c"], [0.1, 0.1, 0.1], [0.04, 0, 0, 0, 0.04, 0, 0, 0, 0.04]), 0.02, corr));
        Assert.Contains("a and b", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MeanHistorical_RaggedOracle_EachAssetOverItsOwnHistory()
    {
        var (tickers, dates, cols) = OracleData.Stocks();
        var returns = new PriceTable(tickers, dates, cols).ToReturns();
        var geo = ExpectedReturns.MeanHistorical(returns);
        var arith = ExpectedReturns.MeanHistorical(returns, compounding: false);

        for (var j = 0; j < tickers.Length; j++)
        {
            var prices = cols[j].Where(v => !double.IsNaN(v)).ToArray();
            Assert.Equal(Math.Pow(prices[^1] / prices[0], 252.0 / (prices.Length - 1)) - 1, geo[j], 9);
            var r = prices.Skip(1).Select((p, k) => p / prices[k] - 1).ToArray();
            Assert.Equal(r.Average() * 252, arith[j], 9);
        }
    }

    [Fact]
    public void Ema_HandWorkedWeights_MatchPandasAdjustedMean()
    {
        var r = new ReturnTable(["A"], [new(2020, 1, 1), new(2020, 1, 2), new(2020, 1, 3)], [[0.01, 0.02, 0.03]]);

        // span 3: α = 0.5, weights 0.25, 0.5, 1 from the oldest.
        var expected = (0.25 * 0.01 + 0.5 * 0.02 + 0.03) / 1.75;

        Assert.Equal(expected * 252, ExpectedReturns.Ema(r, 3, compounding: false)[0], 12);
        Assert.Equal(Math.Pow(1 + expected, 252) - 1, ExpectedReturns.Ema(r, 3)[0], 10);
    }

    [Fact]
    public void LedoitWolfConstantVariance_BruteForceFormula_Agrees()
    {
        var r = RandomReturns(4, 60, 2);
        var x = Centered(r);
        int n = 4, t = 60;
        var s = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                s[i, j] = Enumerable.Range(0, t).Sum(k => x[i][k] * x[j][k]) / t;
            }
        }

        var mu = Enumerable.Range(0, n).Sum(i => s[i, i]) / n;
        // d² = ‖S − μI‖²/n ; b̄² = (1/T²) Σ_t ‖x_t x_tᵀ − S‖² / n ; δ = min(b̄², d²)/d² (Ledoit–Wolf 2004, Lemma 3.x).
        double d2 = 0, b2 = 0;
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                d2 += Math.Pow(s[i, j] - (i == j ? mu : 0), 2);
                for (var k = 0; k < t; k++)
                {
                    b2 += Math.Pow(x[i][k] * x[j][k] - s[i, j], 2);
                }
            }
        }

        d2 /= n;
        b2 /= (double)t * t * n;
        var delta = Math.Min(b2, d2) / d2;

        var lw = RiskModels.LedoitWolf(r, ShrinkageTarget.ConstantVariance, 1);

        Assert.Equal(delta, lw.Shrinkage!.Value, 10);
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                Assert.Equal(delta * (i == j ? mu : 0) + (1 - delta) * s[i, j], lw.Matrix[i, j], 14);
            }
        }
    }

    [Fact]
    public void LedoitWolfConstantCorrelation_PaperDefinitions_Agree()
    {
        var r = RandomReturns(5, 40, 3);
        var x = Centered(r);
        int n = 5, t = 40;
        var s = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                s[i, j] = Enumerable.Range(0, t).Sum(k => x[i][k] * x[j][k]) / t;
            }
        }

        double rbar = 0;
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                if (i != j)
                {
                    rbar += s[i, j] / Math.Sqrt(s[i, i] * s[j, j]);
                }
            }
        }

        rbar /= n * (n - 1);
        double pi = 0, rho = 0, gamma = 0;
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var pij = Enumerable.Range(0, t).Sum(k => Math.Pow(x[i][k] * x[j][k] - s[i, j], 2)) / t;
                pi += pij;
                var f = i == j ? s[i, i] : rbar * Math.Sqrt(s[i, i] * s[j, j]);
                gamma += Math.Pow(f - s[i, j], 2);
                if (i == j)
                {
                    rho += pij;
                    continue;
                }

                var thetaII = Enumerable.Range(0, t).Sum(k => (x[i][k] * x[i][k] - s[i, i]) * (x[i][k] * x[j][k] - s[i, j])) / t;
                var thetaJJ = Enumerable.Range(0, t).Sum(k => (x[j][k] * x[j][k] - s[j, j]) * (x[i][k] * x[j][k] - s[i, j])) / t;
                rho += rbar / 2 * (Math.Sqrt(s[j, j] / s[i, i]) * thetaII + Math.Sqrt(s[i, i] / s[j, j]) * thetaJJ);
            }
        }

        var delta = Math.Max(0, Math.Min(1, (pi - rho) / gamma / t));

        var lw = RiskModels.LedoitWolf(r, ShrinkageTarget.ConstantCorrelation, 1);

        Assert.Equal(delta, lw.Shrinkage!.Value, 10);
        Assert.Equal(delta * rbar * Math.Sqrt(s[0, 0] * s[1, 1]) + (1 - delta) * s[0, 1], lw.Matrix[0, 1], 14);
    }

    [Fact]
    public void LedoitWolfSingleFactor_Oracle_KeepsVariancesAndShrinksInUnitInterval()
    {
        var (tickers, dates, cols) = OracleData.Stocks();
        var returns = new PriceTable(tickers, dates, cols).CompleteRows().ToReturns();
        var lw = RiskModels.LedoitWolf(returns, ShrinkageTarget.SingleFactor);
        var s = RiskModels.Sample(returns);
        var t = returns.RowCount;

        Assert.InRange(lw.Shrinkage!.Value, 1e-6, 1);
        for (var i = 0; i < tickers.Length; i++)
        {
            // The target keeps the sample variances; sample is ddof 1, LW ddof 0.
            Assert.Equal(s.Matrix[i, i] * (t - 1) / t, lw.Matrix[i, i], 12);
        }

        Assert.True(lw.Matrix.Cholesky().Determinant > 0);
    }

    [Fact]
    public void LedoitWolf_RaggedInput_ReportsZeroFilledReturns()
    {
        var (tickers, dates, cols) = OracleData.Stocks();
        var lw = RiskModels.LedoitWolf(new PriceTable(tickers, dates, cols).ToReturns());

        Assert.Contains(lw.Notes, n => n.Contains("treated as 0", StringComparison.Ordinal));
    }

    [Fact]
    public void ExponentialAndSemi_CompleteData_MatchDefinitions()
    {
        var r = RandomReturns(3, 50, 4);
        var x = Centered(r);
        var decay = 1 - 2.0 / (10 + 1);
        var w = Enumerable.Range(0, 50).Select(k => Math.Pow(decay, 49 - k)).ToArray();
        var expCov = Enumerable.Range(0, 50).Sum(k => w[k] * x[0][k] * x[2][k]) / w.Sum() * 252;
        const double b = 0.0001;
        var semi = Enumerable.Range(0, 50).Sum(k => Math.Min(r.Column(0)[k] - b, 0) * Math.Min(r.Column(1)[k] - b, 0)) / 50 * 252;

        Assert.Equal(expCov, RiskModels.Exponential(r, 10).Matrix[0, 2], 14);
        Assert.Equal(semi, RiskModels.Semi(r, b).Matrix[0, 1], 14);
    }

    [Fact]
    public void RepairIfNotPsd_IndefiniteMatrix_ClipsNegativeEigenvalue()
    {
        var (m, repair) = RiskModels.RepairIfNotPsd([1, 2, 2, 1], 2);

        Assert.NotNull(repair);
        Assert.Equal(-1, repair.MinEigenvalueBefore, 12);
        Assert.Equal(1, repair.NegativeEigenvalues);
        Assert.All(m, v => Assert.Equal(1.5, v, 12));
    }

    [Fact]
    public void RepairIfNotPsd_PositiveDefinite_Untouched()
    {
        var (_, repair) = RiskModels.RepairIfNotPsd([2, 1, 1, 2], 2);
        Assert.Null(repair);
    }

    [Fact]
    public void PriceTable_InteriorGap_ReportedAndReturnsLeftOut()
    {
        var d = Enumerable.Range(0, 5).Select(new DateOnly(2024, 1, 1).AddDays).ToArray();
        var table = new PriceTable(["A", "B"], d, [[double.NaN, 1, double.NaN, 1.2, 1.3], [1, 1, 1, 1, 1]]);

        var gap = Assert.Single(table.Gaps);
        Assert.Equal("A", gap.Asset);
        Assert.Equal(d[2], gap.From);
        var r = table.ToReturns();
        Assert.True(double.IsNaN(r.Column(0)[1]) && double.IsNaN(r.Column(0)[2]));
        Assert.Equal(1.3 / 1.2 - 1, r.Column(0)[3], 12);
    }

    [Fact]
    public void PriceTable_DuplicateDate_Refused()
    {
        var d = new DateOnly(2024, 1, 1);
        var ex = Assert.Throws<QuantException>(() => new PriceTable(["A"], [d, d], [[1.0, 2.0]]));
        Assert.Equal("duplicate_date", ex.Code);
    }
}
