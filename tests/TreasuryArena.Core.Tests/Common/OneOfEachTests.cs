using TreasuryArena.Core.Common;
using TreasuryArena.Core.Quant;
using TreasuryArena.Core.Wallets;

namespace TreasuryArena.Core.Tests.Common;

/// <summary>Issue 19, "one of each": the one rounding policy, the one double ↔ decimal boundary, the one drawdown, the one wallet valuation, the one side.</summary>
public sealed class OneOfEachTests
{
    [Theory]
    [InlineData("0.0000005", "0.000001")]
    [InlineData("0.0000015", "0.000002")]
    [InlineData("-0.0000025", "-0.000003")]
    public void Ratio_Midpoint_RoundsHalfAwayFromZero(string value, string expected)
    {
        // Half-to-even (the old default of Math.Round and of several report sites) gives 0.000000, 0.000002, -0.000002.
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            RoundingPolicy.Ratio(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), 6));
    }

    [Fact]
    public void Directions_FavourTheFund()
    {
        Assert.Equal(12.34m, RoundingPolicy.CentsDown(12.349m));
        Assert.Equal(-12.35m, RoundingPolicy.CentsDown(-12.341m));
        Assert.Equal(12.35m, RoundingPolicy.CentsUp(12.341m));
        Assert.Equal(12.35m, RoundingPolicy.Cents(12.345m));
        Assert.Equal(0.333333m, RoundingPolicy.WeightDown(1m / 3m));
        Assert.Equal(3m, RoundingPolicy.Ceiling(2.01m));
        Assert.True(RoundingPolicy.IsWhole(4.000m));
        Assert.False(RoundingPolicy.IsWhole(4.5m));
    }

    [Fact]
    public void Boundary_RefusesNonFiniteMoney_AndGivesNoMetric()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => AnalyticsBoundary.ToDecimal(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => AnalyticsBoundary.ToDecimal(double.PositiveInfinity));
        Assert.Throws<ArgumentOutOfRangeException>(() => AnalyticsBoundary.ToDecimal(1e30));
        Assert.Null(AnalyticsBoundary.ToDecimalOrNull(double.NaN));
        Assert.Null(AnalyticsBoundary.ToMetric(double.NegativeInfinity));
        Assert.Null(AnalyticsBoundary.ToMetric(2e12));
        Assert.Equal(0.123457m, AnalyticsBoundary.ToMetric(0.1234567));
        Assert.Equal(0.25, AnalyticsBoundary.ToDouble(0.25m));
    }

    [Fact]
    public void BelowPeak_IsPositive_NeverNegative_AndNullWithoutAPeak()
    {
        Assert.Equal(0.25m, Drawdowns.BelowPeak(100m, 75m));
        Assert.Equal(0m, Drawdowns.BelowPeak(100m, 120m));
        Assert.Null(Drawdowns.BelowPeak(0m, 5m));
        // 1 − 1.999999 / 2 = 0.0000005: reported half away from zero (the evaluation's trips rounded it half-to-even, to 0).
        Assert.Equal(0.000001m, Drawdowns.Reported(2m, 1.999999m));
    }

    [Fact]
    public void Deepest_IsPerformanceMetricsMaxDrawdown_OnTheDecimalPath()
    {
        decimal[] path = [100m, 120m, 90m, 130m, 65m, 140m];
        Assert.Equal(0.5m, decimal.Round(Drawdowns.Deepest(path), 12));
        var returns = path.Zip(path.Skip(1), (a, b) => (double)((b / a) - 1m)).ToArray();
        Assert.Equal(-PerformanceMetrics.MaxDrawdown(returns).Depth, (double)Drawdowns.Deepest(path), 12);
        Assert.Equal(0m, Drawdowns.Deepest([100m]));
        Assert.Equal(0m, Drawdowns.Deepest([100m, 110m, 120m]));
    }

    [Fact]
    public void WalletValue_IsCashPlusEachLineRoundedDown_UnknownTokenZero()
    {
        var wallet = new Wallet("w", "org", WalletMode.Manual, RiskTolerance.Moderate, DateTimeOffset.UnixEpoch);
        var view = new WalletView(wallet, Money.Usd(10m),
        [
            new Holding("w", "AAA", Shares.Of(1.5m), Money.Usd(4m), Money.Usd(0m)),
            new Holding("w", "BBB", Shares.Of(0.3m), Money.Usd(1m), Money.Usd(0m)),
            new Holding("w", "GONE", Shares.Of(2m), Money.Usd(1m), Money.Usd(0m)),
        ]);
        UnitPrice? Nav(string s) => s switch { "AAA" => UnitPrice.Of(3.333333m), "BBB" => UnitPrice.Of(3.33333333m), _ => null };

        var lines = WalletValuation.Lines(view, Nav);

        // 1.5 × 3.333333 = 4.9999995 → 4.99 and 0.3 × 3.33333333 = 0.999999999 → 0.99 (an unrounded sum is 15.9999995).
        Assert.Equal([4.99m, 0.99m, 0m], lines.Select(l => l.Value));
        Assert.Equal(15.98m, WalletValuation.Of(view, Nav));
    }

    [Fact]
    public void OrderSide_KeepsTheNumbersStoredInAllocationSnapshots()
    {
        // Rebalancing orders in wallet allocation snapshots and proposals are stored as JSON numbers (0 sell, 1 buy).
        Assert.Equal(0, (int)OrderSide.Sell);
        Assert.Equal(1, (int)OrderSide.Buy);
        Assert.Equal(["Sell", "Buy"], Enum.GetNames<OrderSide>());
    }
}
