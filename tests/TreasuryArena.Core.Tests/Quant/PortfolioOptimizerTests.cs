using FsCheck;
using FsCheck.Fluent;
using TreasuryArena.Core.Quant;

namespace TreasuryArena.Core.Tests.Quant;

public sealed class PortfolioOptimizerTests
{
    private static PortfolioInput TwoAssets(double s1, double s2, double rho, double m1, double m2) =>
        new(["X", "Y"], [m1, m2], [s1 * s1, rho * s1 * s2, rho * s1 * s2, s2 * s2]);

    [Fact]
    public void MinVolatility_TwoAssets_MatchesClosedForm()
    {
        var input = TwoAssets(0.2, 0.3, 0.25, 0.08, 0.12);
        double v1 = 0.04, v2 = 0.09, c = 0.25 * 0.2 * 0.3;
        var expected = (v2 - c) / (v1 + v2 - 2 * c);

        var r = PortfolioOptimizer.MinVolatility(input);

        Assert.Equal(expected, r.Weights[0], 9);
        Assert.Equal(1 - expected, r.Weights[1], 9);
        Assert.True(r.Residual < 1e-9);
    }

    [Fact]
    public void MaxSharpe_TwoAssetsInterior_MatchesTangencyFormula()
    {
        var input = TwoAssets(0.2, 0.3, 0.25, 0.08, 0.12);
        const double rf = 0.02;
        // Tangency: w ∝ Σ⁻¹(μ − rf), by hand for 2×2.
        double a = 0.04, b = 0.015, d = 0.09, e1 = 0.06, e2 = 0.10;
        var det = a * d - b * b;
        var z1 = (d * e1 - b * e2) / det;
        var z2 = (-b * e1 + a * e2) / det;

        var r = PortfolioOptimizer.MaxSharpe(input, rf);

        Assert.Equal(z1 / (z1 + z2), r.Weights[0], 8);
        Assert.Equal(z2 / (z1 + z2), r.Weights[1], 8);
        var ret = 0.08 * r.Weights[0] + 0.12 * r.Weights[1];
        Assert.Equal((ret - rf) / r.Volatility, r.Sharpe, 12);
    }

    [Fact]
    public void MaxSharpe_OracleWithTwentyPercentCap_SatisfiesKktOfTheSharpeRatio()
    {
        var input = TestProblems.Oracle();
        const double rf = 0.02;
        var r = PortfolioOptimizer.MaxSharpe(input, rf, new PortfolioConstraints { MaxWeight = 0.2 });
        var w = r.Weights;

        Assert.Equal(1.0, w.Sum(), 9);
        Assert.All(w, v => Assert.InRange(v, -1e-12, 0.2 + 1e-12));
        Assert.True(w.Count(v => v > 1e-6) >= 5);
        // ∂Sharpe/∂w_i ∝ (μ_i − rf)σ² − (μᵀw − rf)(Σw)_i: equal for free assets, ≤ at 0, ≥ at the cap.
        var sw = TestProblems.MatVec(input, w);
        var variance = w.Zip(sw, (a, b) => a * b).Sum();
        var excess = r.ExpectedReturn - rf;
        var grad = Enumerable.Range(0, w.Length).Select(i => (input.ExpectedReturns[i] - rf) * variance - excess * sw[i]).ToArray();
        var free = Enumerable.Range(0, w.Length).Where(i => w[i] > 1e-7 && w[i] < 0.2 - 1e-7).ToList();
        Assert.NotEmpty(free);
        var eta = free.Average(i => grad[i]);
        var scale = grad.Max(Math.Abs);
        foreach (var i in Enumerable.Range(0, w.Length))
        {
            if (free.Contains(i))
            {
                Assert.True(Math.Abs(grad[i] - eta) < 1e-7 * scale, $"free {input.Assets[i]}");
            }
            else if (w[i] <= 1e-7)
            {
                Assert.True(grad[i] <= eta + 1e-7 * scale, $"zero {input.Assets[i]}");
            }
            else
            {
                Assert.True(grad[i] >= eta - 1e-7 * scale, $"capped {input.Assets[i]}");
            }
        }
    }

    [Fact]
    public void MaxSharpe_OracleCapped_NoPairwiseShiftImprovesSharpe()
    {
        var input = TestProblems.Oracle();
        var r = PortfolioOptimizer.MaxSharpe(input, 0.02, new PortfolioConstraints { MaxWeight = 0.2 });
        double Sharpe(double[] w) => (input.PortfolioReturn(w) - 0.02) / Math.Sqrt(input.PortfolioVariance(w));
        var best = Sharpe(r.Weights);
        for (var i = 0; i < input.Count; i++)
        {
            for (var j = 0; j < input.Count; j++)
            {
                var eps = Math.Min(1e-3, Math.Min(0.2 - r.Weights[i], r.Weights[j]));
                if (i == j || eps <= 0)
                {
                    continue;
                }

                var w = (double[])r.Weights.Clone();
                w[i] += eps;
                w[j] -= eps;
                Assert.True(Sharpe(w) <= best + 1e-10, $"{input.Assets[i]} <- {input.Assets[j]}");
            }
        }
    }

    [Fact]
    public void MaxSharpe_OracleWithShorts_NoFeasibleShiftImprovesAndBoundsHold()
    {
        var input = TestProblems.Oracle();
        var r = PortfolioOptimizer.MaxSharpe(input, 0.02, new PortfolioConstraints { MinWeight = -0.1, MaxWeight = 0.3 });
        double Sharpe(double[] w) => (input.PortfolioReturn(w) - 0.02) / Math.Sqrt(input.PortfolioVariance(w));
        var best = Sharpe(r.Weights);

        Assert.Equal(1.0, r.Weights.Sum(), 9);
        Assert.Contains(r.Weights, v => v < -1e-6);
        Assert.All(r.Weights, v => Assert.InRange(v, -0.1 - 1e-12, 0.3 + 1e-12));
        for (var i = 0; i < input.Count; i++)
        {
            for (var j = 0; j < input.Count; j++)
            {
                var eps = Math.Min(1e-4, Math.Min(0.3 - r.Weights[i], r.Weights[j] + 0.1));
                if (i == j || eps <= 0)
                {
                    continue;
                }

                var w = (double[])r.Weights.Clone();
                w[i] += eps;
                w[j] -= eps;
                Assert.True(Sharpe(w) <= best + 1e-10, $"{input.Assets[i]} <- {input.Assets[j]}");
            }
        }
    }

    [Fact]
    public void MinVolatility_OracleLongOnly_KktEqualMarginalRisk()
    {
        var input = TestProblems.Oracle();
        var r = PortfolioOptimizer.MinVolatility(input);
        var sw = TestProblems.MatVec(input, r.Weights);
        var free = Enumerable.Range(0, input.Count).Where(i => r.Weights[i] > 1e-7).ToList();
        var eta = free.Average(i => sw[i]);

        Assert.All(free, i => Assert.Equal(eta, sw[i], 9));
        Assert.All(Enumerable.Range(0, input.Count).Except(free), i => Assert.True(sw[i] >= eta - 1e-9));
    }

    [Fact]
    public void MinVolatility_OracleArithmeticMeans_AgreesWithPyPortfolioOpt()
    {
        // PyPortfolioOpt's tests/test_efficient_frontier.py::test_min_volatility on the same file (sample_cov with
        // pairwise-complete observations, arithmetic mean_historical_return, rf 0.02) publishes volatility
        // 0.15915084514118694 and Sharpe 1.00101463282373. The weights of min volatility do not depend on μ, so the
        // volatility checks our covariance and solver; the Sharpe checks the expected returns too.
        var (tickers, dates, cols) = OracleData.Stocks();
        var returns = new PriceTable(tickers, dates, cols).ToReturns();
        var input = PortfolioInput.From(ExpectedReturns.MeanHistorical(returns, compounding: false), RiskModels.Sample(returns));

        var r = PortfolioOptimizer.MinVolatility(input);

        Assert.Equal(0.15915084514118694, r.Volatility, 8);
        Assert.Equal(1.00101463282373, r.Sharpe, 8);
    }

    [Fact]
    public void EfficientFrontier_Oracle_ReturnAndVolatilityIncrease()
    {
        var input = TestProblems.Oracle();
        var frontier = PortfolioOptimizer.EfficientFrontier(input, 12, new PortfolioConstraints { MaxWeight = 0.5 });

        for (var k = 1; k < frontier.Count; k++)
        {
            Assert.True(frontier[k].ExpectedReturn >= frontier[k - 1].ExpectedReturn - 1e-10);
            Assert.True(frontier[k].Volatility >= frontier[k - 1].Volatility - 1e-10);
        }

        Assert.True(frontier[^1].Volatility > frontier[0].Volatility);
        var ms = PortfolioOptimizer.MaxSharpe(input, 0.02, new PortfolioConstraints { MaxWeight = 0.5 });
        Assert.All(frontier, p => Assert.True(p.Sharpe <= ms.Sharpe + 1e-9));
    }

    [Fact]
    public void EfficientRiskAndReturn_Targets_AreMet()
    {
        var input = TestProblems.Random(10, 5);
        var c = new PortfolioConstraints { MaxWeight = 0.4 };
        var minVol = PortfolioOptimizer.MinVolatility(input, c);
        var target = minVol.Volatility * 1.3;

        var er = PortfolioOptimizer.EfficientRisk(input, target, c);
        var eret = PortfolioOptimizer.EfficientReturn(input, er.ExpectedReturn, c);

        Assert.Equal(target, er.Volatility, 8);
        Assert.True(er.ExpectedReturn > minVol.ExpectedReturn);
        // Duality of the two problems: the same frontier point.
        Assert.Equal(er.Volatility, eret.Volatility, 6);
        Assert.Equal(er.ExpectedReturn, eret.ExpectedReturn, 9);
    }

    [Fact]
    public void MaxQuadraticUtility_Unconstrained_MatchesClosedForm()
    {
        // With wide bounds, max μᵀw − δ/2 wᵀΣw s.t. Σw = 1: w = Σ⁻¹(μ − η1)/δ, η from the budget.
        var input = TwoAssets(0.2, 0.3, 0.0, 0.08, 0.12);
        const double delta = 3;
        var c = new PortfolioConstraints { MinWeight = -5, MaxWeight = 5 };
        var r = PortfolioOptimizer.MaxQuadraticUtility(input, delta, c);
        // Diagonal Σ: w_i = (μ_i − η)/(δ σ_i²); Σw = 1 gives η.
        double a1 = 1 / (delta * 0.04), a2 = 1 / (delta * 0.09);
        var eta = (a1 * 0.08 + a2 * 0.12 - 1) / (a1 + a2);

        Assert.Equal(a1 * (0.08 - eta), r.Weights[0], 9);
        Assert.Equal(a2 * (0.12 - eta), r.Weights[1], 9);
    }

    [Fact]
    public void MaxSharpe_ShortsAllowed_MatchesUnconstrainedTangency()
    {
        var input = TwoAssets(0.2, 0.3, 0.9, 0.10, 0.06);
        var r = PortfolioOptimizer.MaxSharpe(input, 0.02, new PortfolioConstraints { MinWeight = -2, MaxWeight = 3 });
        double a = 0.04, b = 0.054, d = 0.09, e1 = 0.08, e2 = 0.04;
        var det = a * d - b * b;
        var z1 = (d * e1 - b * e2) / det;
        var z2 = (-b * e1 + a * e2) / det;

        Assert.True(r.Weights[1] < 0, string.Join(",", r.Weights) + " " + (z1 / (z1 + z2)));
        Assert.Equal(z1 / (z1 + z2), r.Weights[0], 7);
    }

    [Fact]
    public void Optimize_CapTooTight_InfeasibleSaysWhy()
    {
        var input = TestProblems.Random(4, 1);
        var ex = Assert.Throws<QuantException>(() => PortfolioOptimizer.MaxSharpe(input, 0.02, new PortfolioConstraints { MaxWeight = 0.2 }));

        Assert.Equal("infeasible", ex.Code);
        Assert.Contains("at least 5 assets", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MaxSharpe_NothingAboveRiskFree_TypedError()
    {
        var input = TestProblems.Random(5, 2, muShift: -0.3);
        var ex = Assert.Throws<QuantException>(() => PortfolioOptimizer.MaxSharpe(input, 0.02));

        Assert.Equal("no_excess_return", ex.Code);
    }

    [Fact]
    public void EfficientReturn_TargetAboveBest_TypedError()
    {
        var input = TestProblems.Random(5, 2);
        var ex = Assert.Throws<QuantException>(() => PortfolioOptimizer.EfficientReturn(input, 5.0));
        Assert.Equal("infeasible", ex.Code);
    }

    [Fact]
    public void GroupCap_Binding_IsRespectedAndMatters()
    {
        var input = TestProblems.Random(8, 11);
        var free = PortfolioOptimizer.MaxSharpe(input, 0.02);
        var top = Enumerable.Range(0, 8).OrderByDescending(i => free.Weights[i]).Take(2).ToArray();
        var cap = 0.5 * (free.Weights[top[0]] + free.Weights[top[1]]);
        var c = new PortfolioConstraints { Groups = [new GroupConstraint("tech", top, cap)] };

        var capped = PortfolioOptimizer.MaxSharpe(input, 0.02, c);
        var capped2 = PortfolioOptimizer.MinVolatility(input, c with { Groups = [new GroupConstraint("g", [0, 1, 2], 0.1)] });

        Assert.True(capped.Weights[top[0]] + capped.Weights[top[1]] <= cap + 1e-9);
        Assert.True(capped.Sharpe <= free.Sharpe + 1e-12);
        Assert.True(capped2.Weights[0] + capped2.Weights[1] + capped2.Weights[2] <= 0.1 + 1e-9);
    }

    [Fact]
    public void Group_ImpossibleMinimum_InfeasibleNamesTheGroup()
    {
        var input = TestProblems.Random(6, 3);
        var c = new PortfolioConstraints { MaxWeight = 0.3, Groups = [new GroupConstraint("bonds", [0, 1], 1, Min: 0.7)] };

        var ex = Assert.Throws<QuantException>(() => PortfolioOptimizer.MinVolatility(input, c));

        Assert.Equal("infeasible", ex.Code);
        Assert.Contains("bonds", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Turnover_CapAndPenalty_LimitTrading()
    {
        var input = TestProblems.Random(6, 4);
        var current = new[] { 1.0 / 6, 1.0 / 6, 1.0 / 6, 1.0 / 6, 1.0 / 6, 1.0 / 6 };
        var free = PortfolioOptimizer.MaxQuadraticUtility(input, 2, new PortfolioConstraints());
        var freeTurnover = PerformanceMetrics.OneWayTurnover(current, free.Weights);

        var capped = PortfolioOptimizer.MaxQuadraticUtility(input, 2, new PortfolioConstraints { CurrentWeights = current, MaxTurnover = freeTurnover / 2 });
        var penalised = PortfolioOptimizer.MaxQuadraticUtility(input, 2, new PortfolioConstraints { CurrentWeights = current, TurnoverPenalty = 10 });

        Assert.True(freeTurnover > 0.05);
        Assert.InRange(PerformanceMetrics.OneWayTurnover(current, capped.Weights), freeTurnover / 2 - 1e-7, freeTurnover / 2 + 1e-7);
        Assert.True(PerformanceMetrics.OneWayTurnover(current, penalised.Weights) < 1e-6); // trading never pays at that cost
    }

    [Fact]
    public void MinHoldings_ConcentratedSolution_ForcedToSpread()
    {
        var input = TestProblems.Random(10, 9);
        var baseline = PortfolioOptimizer.MaxSharpe(input, 0.02);
        var held = baseline.Weights.Count(v => v >= 0.05);
        var c = new PortfolioConstraints { MinHoldings = held + 2, MinHoldingWeight = 0.05 };

        var r = PortfolioOptimizer.MaxSharpe(input, 0.02, c);

        Assert.True(r.Weights.Count(v => v >= 0.05 - 1e-9) >= held + 2);
        Assert.True(r.Sharpe <= baseline.Sharpe + 1e-12);
    }

    [Fact]
    public void RiskParity_Oracle_EqualRiskContributions()
    {
        var input = TestProblems.Oracle();
        var r = RiskParity.Solve(input);
        var rc = RiskParity.RiskContributions(input, r.Weights);

        Assert.All(rc, v => Assert.Equal(1.0 / input.Count, v, 9));
        Assert.Equal(1.0, r.Weights.Sum(), 12);
    }

    [Fact]
    public void RiskParity_TwoAssets_InverseVolatility()
    {
        var r = RiskParity.Solve(TwoAssets(0.1, 0.3, 0.6, 0.05, 0.05));

        Assert.Equal(0.75, r.Weights[0], 9);
    }

    [Fact]
    public void Hrp_TwoAssets_InverseVariance()
    {
        var r = HierarchicalRiskParity.Solve(TwoAssets(0.1, 0.3, 0.6, 0.05, 0.05));

        Assert.Equal(0.9, r.Weights[0], 12);
    }

    [Fact]
    public void Hrp_BlockCorrelation_OrderKeepsBlocksTogether()
    {
        // Two blocks {0,2} and {1,3} highly correlated inside, uncorrelated across.
        double[] cov =
        [
            0.04, 0, 0.036, 0,
            0, 0.09, 0, 0.081,
            0.036, 0, 0.04, 0,
            0, 0.081, 0, 0.09,
        ];
        var order = HierarchicalRiskParity.QuasiDiagonalOrder(cov, 4);
        var r = HierarchicalRiskParity.Solve(new PortfolioInput(["a", "b", "c", "d"], [0.1, 0.1, 0.1, 0.1], cov));

        Assert.Equal(1, Math.Abs(Array.IndexOf(order, 0) - Array.IndexOf(order, 2)));
        Assert.Equal(1, Math.Abs(Array.IndexOf(order, 1) - Array.IndexOf(order, 3)));
        // Halves: block variances 0.038 and 0.0855 → α = 1 − 0.038/0.1235 for the first block.
        var low = 1 - 0.038 / (0.038 + 0.0855);
        Assert.Equal(low / 2, r.Weights[0], 12);
        Assert.Equal((1 - low) / 2, r.Weights[1], 12);
    }

    [Fact]
    public void MinVolatilityAndUtility_RandomProblems_NoFeasiblePairShiftImproves()
    {
        var gen = from n in Gen.Choose(3, 12)
                  from seed in Gen.Choose(0, 100_000)
                  from capPct in Gen.Choose(0, 100)
                  from delta in Gen.Choose(1, 20)
                  select (n, seed, cap: Math.Min(1, 1.0 / n + (1 - 1.0 / n) * capPct / 100.0 + 1e-3), delta: (double)delta);
        Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var input = TestProblems.Random(t.n, t.seed);
            var c = new PortfolioConstraints { MaxWeight = t.cap, Gamma = 0.01 };
            var mv = PortfolioOptimizer.MinVolatility(input, c);
            var mu = PortfolioOptimizer.MaxQuadraticUtility(input, t.delta, c);
            double Risk(double[] w) => input.PortfolioVariance(w) + 0.01 * w.Sum(v => v * v);
            double Utility(double[] w) => input.PortfolioReturn(w) - t.delta / 2 * input.PortfolioVariance(w) - 0.01 * w.Sum(v => v * v);
            return NoShiftImproves(mv.Weights, t.cap, w => -Risk(w)) && NoShiftImproves(mu.Weights, t.cap, Utility)
                && mv.Residual < 1e-8 && mu.Residual < 1e-8;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(60));
    }

    [Fact]
    public void MaxSharpe_RandomProblems_NoFeasiblePairShiftImproves()
    {
        var gen = from n in Gen.Choose(5, 25)
                  from seed in Gen.Choose(0, 100_000)
                  select (n, seed);
        Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var input = TestProblems.Random(t.n, t.seed);
            var r = PortfolioOptimizer.MaxSharpe(input, 0.02, new PortfolioConstraints { MaxWeight = 0.2 });
            double Sharpe(double[] w) => (input.PortfolioReturn(w) - 0.02) / Math.Sqrt(input.PortfolioVariance(w));
            return Math.Abs(r.Weights.Sum() - 1) < 1e-9 && NoShiftImproves(r.Weights, 0.2, Sharpe);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(60));
    }

    private static bool NoShiftImproves(double[] w0, double cap, Func<double[], double> objective)
    {
        var best = objective(w0);
        foreach (var eps in new[] { 1e-3, 1e-5 })
        {
            for (var i = 0; i < w0.Length; i++)
            {
                for (var j = 0; j < w0.Length; j++)
                {
                    var e = Math.Min(eps, Math.Min(cap - w0[i], w0[j]));
                    if (i == j || e <= 0)
                    {
                        continue;
                    }

                    var w = (double[])w0.Clone();
                    w[i] += e;
                    w[j] -= e;
                    if (objective(w) > best + 1e-10 * Math.Max(1, Math.Abs(best)))
                    {
                        return false;
                    }
                }
            }
        }

        return true;
    }
}
