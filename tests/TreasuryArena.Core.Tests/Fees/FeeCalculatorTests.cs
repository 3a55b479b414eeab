using TreasuryArena.Core.Common;
using TreasuryArena.Core.Fees;

namespace TreasuryArena.Core.Tests.Fees;

public sealed class FeeCalculatorTests
{
    [Fact]
    public void PerformanceFee_EnzymeWorkedExample_MatchesAndResetsHwm()
    {
        var schedule = FeeSchedule.Default;
        var fee = FeeCalculator.PerformanceFee(Money.Usd(110m), Shares.Of(100m), UnitPrice.Of(1m), schedule);
        Assert.Equal(1.00m, fee.Amount);
        Assert.Equal(1.09m, FeeCalculator.HighWaterMarkAfter(Money.Usd(109m), Shares.Of(100m)).Value);
    }

    [Fact]
    public void PerformanceFee_BelowHwm_Zero()
    {
        var fee = FeeCalculator.PerformanceFee(Money.Usd(99m), Shares.Of(100m), UnitPrice.Of(1m), FeeSchedule.Default);
        Assert.True(fee.IsZero);
    }

    [Fact]
    public void ManagementFee_OneYear_IsRateTimesGav()
    {
        Assert.Equal(100m, FeeCalculator.ManagementFee(Money.Usd(10_000m), FeeSchedule.Default, 365).Amount);
        Assert.Equal(0.27m, FeeCalculator.ManagementFee(Money.Usd(10_000m), FeeSchedule.Default, 1).Amount);
    }

    [Fact]
    public void TradeFee_RoundsDownToCent()
    {
        Assert.Equal(0.99m, FeeCalculator.TradeFee(Money.Usd(99.99m), FeeSchedule.Default).Amount);
    }

    [Theory]
    [InlineData(CrystallisationSchedule.Quarterly, "2026-03-31", "2026-04-01", true)]
    [InlineData(CrystallisationSchedule.Quarterly, "2026-01-01", "2026-03-31", false)]
    [InlineData(CrystallisationSchedule.Monthly, "2026-01-31", "2026-02-01", true)]
    [InlineData(CrystallisationSchedule.Yearly, "2026-01-01", "2026-12-31", false)]
    [InlineData(CrystallisationSchedule.Daily, "2026-01-01", "2026-01-01", false)]
    public void CrystallisationDue_Boundaries_AsScheduled(CrystallisationSchedule schedule, string last, string asOf, bool due)
    {
        var l = DateOnly.Parse(last, System.Globalization.CultureInfo.InvariantCulture);
        var a = DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(due, FeeCalculator.CrystallisationDue(schedule, l, a));
    }

    [Fact]
    public void FeeSchedule_RateOutOfRange_Throws()
    {
        Assert.Throws<DomainException>(() => new FeeSchedule(1.5m, 0m, 0m, CrystallisationSchedule.Daily));
        Assert.Throws<DomainException>(() => new FeeSchedule(-0.01m, 0m, 0m, CrystallisationSchedule.Daily));
    }
}
