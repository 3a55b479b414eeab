using TreasuryArena.Core.MarketData;
using TreasuryArena.Core.Nav;
using TreasuryArena.Core.Quant;
using TreasuryArena.Core.Wallets.Optimization;

namespace TreasuryArena.Core.Tests.WalletOptimization;

public sealed class TokenUniverseTests
{
    private static readonly DateOnly AsOf = new(2024, 3, 31);

    /// <summary>Random-walk NAV paths with a given drift and volatility per day (seeded, deterministic).</summary>
    internal static Dictionary<string, IReadOnlyList<NavHistoryRow>> Histories(int tokens, int days, int seed, DateOnly asOf)
    {
        var rng = new Random(seed);
        var result = new Dictionary<string, IReadOnlyList<NavHistoryRow>>(StringComparer.Ordinal);
        for (var k = 0; k < tokens; k++)
        {
            var symbol = "TK" + k.ToString("00", System.Globalization.CultureInfo.InvariantCulture);
            var drift = 0.0005 + (0.0004 * k);
            var vol = 0.01 + (0.004 * (k % 4));
            var nav = 1.0;
            var rows = new List<NavHistoryRow>();
            for (var d = days; d >= 0; d--)
            {
                var date = asOf.AddDays(-d);
                if (d < days)
                {
                    var z = Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
                    nav *= 1 + drift + (vol * z);
                }

                var n = Math.Round((decimal)nav, 8);
                rows.Add(new NavHistoryRow(symbol, date, n, 0m, n, 0m, null, null, n, 0m, 0m, 0m));
            }

            result[symbol] = rows;
        }

        return result;
    }

    private static TokenUniverse Universe(int tokens, int days = 120, int seed = 7)
    {
        var histories = Histories(tokens, days, seed, AsOf);
        var quotes = histories.ToDictionary(kv => kv.Key, kv => (kv.Value[^1].Nav, true), StringComparer.Ordinal);
        return TokenUniverse.Build(AsOf, histories, quotes, new TokenUniverseOptions());
    }

    [Fact]
    public void Bug_16_Build_YieldParkedToken_SharpeUndefinedAndNoFilterAdmitsIt()
    {
        var histories = Histories(3, 120, 1, AsOf);
        var nav = 1.1m;
        var parked = new List<NavHistoryRow>();
        for (var d = 120; d >= 0; d--)
        {
            nav = d == 120 ? nav : Math.Round(nav * 1.000133681m, 8, MidpointRounding.ToZero); // 5% a year, rounded NAVs
            parked.Add(new NavHistoryRow("PARK", AsOf.AddDays(-d), nav, 0m, nav, 0m, null, null, nav, 0m, 0m, 0m));
        }

        histories["PARK"] = parked;
        var quotes = histories.ToDictionary(kv => kv.Key, kv => (kv.Value[^1].Nav, true), StringComparer.Ordinal);
        var tbill = RiskFreeCurve.TBill3m(new TimeSeries("tbill_3m", [AsOf.AddDays(-200)], [0.045]));

        var universe = TokenUniverse.Build(AsOf, histories, quotes, new TokenUniverseOptions(90, tbill));

        Assert.Null(universe.Tokens["PARK"].Sharpe);
        Assert.All(universe.Tokens.Values.Where(t => t.Symbol != "PARK"), t => Assert.NotNull(t.Sharpe));
        Assert.False(new RiskFilterRule(-100m, null).Admits(universe.Tokens["PARK"]));
        Assert.Equal("tbill-3m", universe.RiskFree);
        Assert.Equal(Math.Round((decimal)(RiskFreeCurve.DailyFromDiscount(0.045) * 365), 6, MidpointRounding.AwayFromZero), universe.RiskFreeRate);
    }

    [Fact]
    public void Build_TBill_SharpeIsOverTheBillRate()
    {
        var histories = Histories(2, 120, 3, AsOf);
        var quotes = histories.ToDictionary(kv => kv.Key, kv => (kv.Value[^1].Nav, true), StringComparer.Ordinal);
        var tbill = RiskFreeCurve.TBill3m(new TimeSeries("tbill_3m", [AsOf.AddDays(-200)], [0.05]));

        var none = TokenUniverse.Build(AsOf, histories, quotes, new TokenUniverseOptions());
        var over = TokenUniverse.Build(AsOf, histories, quotes, new TokenUniverseOptions(90, tbill));

        // A constant daily rf lowers the mean by rf and leaves the deviation: Sharpe drops by rf·365 / volatility.
        var t = none.Tokens["TK00"];
        var expected = t.Sharpe!.Value - ((decimal)(RiskFreeCurve.DailyFromDiscount(0.05) * 365) / t.Volatility);
        Assert.Equal(expected, over.Tokens["TK00"].Sharpe!.Value, 4);
    }

    [Fact]
    public void Build_ShortHistory_ExcludesTokenAndSaysWhy()
    {
        var histories = Histories(3, 120, 1, AsOf);
        histories["SHORT"] = Histories(1, 40, 2, AsOf)["TK00"].Select(r => r with { Symbol = "SHORT" }).ToList();
        var quotes = histories.ToDictionary(kv => kv.Key, kv => (kv.Value[^1].Nav, true), StringComparer.Ordinal);

        var universe = TokenUniverse.Build(AsOf, histories, quotes, new TokenUniverseOptions());

        Assert.Equal(3, universe.Tokens.Count);
        Assert.Contains(universe.Notes, n => n.StartsWith("SHORT", StringComparison.Ordinal));
        Assert.All(universe.Tokens.Values, t => Assert.Equal(90, t.Observations));
    }

    [Fact]
    public void MaxSharpe_SixTokensCapTwenty_FullyInvestedWithinBounds()
    {
        var universe = Universe(6);
        var solution = universe.MaxSharpe(universe.Tokens.Keys.ToList(), 0.20m);

        Assert.True(solution.Feasible, solution.Explanation);
        Assert.All(solution.Weights.Values, w => Assert.InRange(w, 0m, 0.20m));
        Assert.InRange(solution.Weights.Values.Sum(), 0.9999m, 1.0000001m);
        Assert.True(solution.Weights.Count >= 5);
    }

    [Fact]
    public void MaxSharpe_BeatsEqualWeightOnItsOwnModel()
    {
        var universe = Universe(8, seed: 11);
        var symbols = universe.Tokens.Keys.ToList();
        var solution = universe.MaxSharpe(symbols, 0.20m);
        var equal = universe.Evaluate(symbols.ToDictionary(s => s, _ => 1m / symbols.Count));

        Assert.True(solution.Expectation.Sharpe >= equal.Sharpe - 0.000001m);
    }

    [Fact]
    public void MaxSharpe_FourTokensAtTwentyPercent_Infeasible()
    {
        var universe = Universe(4);
        var solution = universe.MaxSharpe(universe.Tokens.Keys.ToList(), 0.20m);
        Assert.False(solution.Feasible);
        Assert.False(string.IsNullOrWhiteSpace(solution.Explanation));
    }

    [Fact]
    public void Recommend_RealUniverseManyWallets_TargetsRespectCapAndCashNeverNegative()
    {
        var universe = Universe(12, seed: 3);
        var optimizer = new WalletOptimizer(universe, new WalletOptimizerOptions());
        var rec = optimizer.Recommend(new WalletSnapshot("w", 250_000m, [], optimizer.Options.Aggressive, null, null));

        Assert.NotEmpty(rec.TargetWeights);
        Assert.All(rec.TargetWeights.Values, w => Assert.True(w <= 0.20m));
        Assert.True(rec.Plan.CashAfter >= 0m);
        Assert.True(rec.After.Sharpe > 0m);
    }
}
