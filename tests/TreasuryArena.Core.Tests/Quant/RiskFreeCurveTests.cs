using TreasuryArena.Core.MarketData;
using TreasuryArena.Core.Quant;

namespace TreasuryArena.Core.Tests.Quant;

/// <summary>The T-bill risk-free curve: FRED DTB3 discount basis → daily simple rate, as of each date, never a later print.</summary>
public sealed class RiskFreeCurveTests
{
    private static readonly DateOnly Friday = new(2024, 3, 1);

    [Fact]
    public void DailyFromDiscount_FivePercent_BondEquivalentYield()
    {
        // Price of a 91-day bill at 5% discount: 1 − 0.05·91/360; its return over 91 days, per day.
        var price = 1 - (0.05 * 91 / 360);
        var daily = RiskFreeCurve.DailyFromDiscount(0.05);

        Assert.Equal(((1 / price) - 1) / 91, daily, 15);
        Assert.Equal(0.05134, daily * 365, 5);
    }

    [Fact]
    public void DailyRate_WeekendAndHoliday_LastPublishedRate()
    {
        var curve = RiskFreeCurve.TBill3m(new TimeSeries("tbill_3m", [Friday, Friday.AddDays(3)], [0.05, 0.04]));

        Assert.Equal(RiskFreeCurve.DailyFromDiscount(0.05), curve.DailyRate(Friday.AddDays(1)), 15); // Saturday
        Assert.Equal(RiskFreeCurve.DailyFromDiscount(0.05), curve.DailyRate(Friday.AddDays(2)), 15); // Sunday
        Assert.Equal(RiskFreeCurve.DailyFromDiscount(0.04), curve.DailyRate(Friday.AddDays(3)), 15);
        Assert.Equal(0, curve.DailyRate(Friday.AddDays(-1)));
    }

    [Fact]
    public void PerPeriod_RateKnownAtThePeriodStart_TimesItsDays()
    {
        var curve = RiskFreeCurve.TBill3m(new TimeSeries("tbill_3m", [Friday, Friday.AddDays(3)], [0.05, 0.04]));

        var rates = curve.PerPeriod([Friday, Friday.AddDays(3), Friday.AddDays(4)]);

        // Friday → Monday earns Friday's rate for three days (Monday's new print is not known on Friday).
        Assert.Equal(3 * RiskFreeCurve.DailyFromDiscount(0.05), rates[0], 15);
        Assert.Equal(RiskFreeCurve.DailyFromDiscount(0.04), rates[1], 15);
    }

    [Fact]
    public void TBill3m_LaterPrint_DoesNotChangeEarlierRates()
    {
        var early = RiskFreeCurve.TBill3m(new TimeSeries("tbill_3m", [Friday], [0.05]));
        var withLater = RiskFreeCurve.TBill3m(new TimeSeries("tbill_3m", [Friday, Friday.AddDays(10)], [0.05, 0.01]));
        DateOnly[] window = [.. Enumerable.Range(0, 10).Select(Friday.AddDays)];

        Assert.Equal(early.PerPeriod(window), withLater.PerPeriod(window));
    }

    [Fact]
    public void TBill3m_NaNBeforeFirstPrint_Skipped()
    {
        var curve = RiskFreeCurve.TBill3m([Friday, Friday.AddDays(1)], [double.NaN, 0.02]);

        Assert.Equal(0, curve.DailyRate(Friday));
        Assert.Equal("tbill-3m", curve.Name);
        Assert.Equal(RiskFreeCurve.DailyFromDiscount(0.02), curve.DailyRate(Friday.AddDays(5)), 15);
    }
}
