using TreasuryArena.Core.Common;

namespace TreasuryArena.Core.Fees;

/// <summary>
/// The fee formulas. <b>Fees are paid in cash out of the fund (or out of the trade) to the platform revenue
/// account</b>; no shares are minted to the platform. So a management or performance fee lowers the fund's gross
/// asset value (GAV) and therefore its NAV per share, and the NAV history shows every fee as a step down on the
/// day it is taken. All results round down to the cent (<see cref="RoundingPolicy.FeeDue"/>).
/// <list type="bullet">
/// <item><b>Trade fee</b> (buy and sell): <c>fee = floor₂(gross × tradeRate)</c>. On a buy the wallet pays
/// <c>gross</c>, the fund receives <c>gross − fee</c>; on a sell the fund pays <c>gross</c> to the wallet, which
/// pays <c>fee</c> to the platform.</item>
/// <item><b>Management fee</b>, linear daily accrual on ACT/365:
/// <c>fee = floor₂(GAV × annualRate × days / 365)</c>, with <c>days</c> the whole days since the last accrual.</item>
/// <item><b>Performance fee</b> over a fund-level high-water mark (HWM, per share), optionally raised by a hurdle:
/// <c>mark = ceil₈(HWM × hurdleIndex)</c> (the index is 1 without a hurdle, see <see cref="GrowHurdleIndex"/>);
/// <c>fee = floor₂((GAV − mark × supply) × perfRate)</c> when positive, else 0. When the price is above the mark,
/// HWM resets to the post-fee price <c>ceil₈((GAV − fee) / supply)</c> and the index to 1. The mark also restarts at
/// the NAV of the first subscription into a fund with no shares outstanding (the ledger's buy). Paid once per
/// period of the token's <see cref="CrystallisationSchedule"/>, at the last NAV day of the period
/// (<see cref="CrystallisationThrough"/>).</item>
/// </list>
/// Worked check: GAV 110, supply 100, HWM 1.00, rate 10% → fee 1.00, new HWM 1.09.
/// </summary>
public static class FeeCalculator
{
    public const int DaysPerYear = 365;

    /// <summary>Decimals kept by the hurdle index (and by the daily hurdle rate).</summary>
    public const int HurdleIndexScale = 12;

    public static Money TradeFee(Money gross, FeeSchedule schedule) =>
        Money.Of(RoundingPolicy.FeeDue(gross.Amount * schedule.TradeFeeRate, gross.Currency), gross.Currency);

    public static Money ManagementFee(Money grossAssetValue, FeeSchedule schedule, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        if (grossAssetValue.Amount <= 0m)
        {
            return Money.Zero(grossAssetValue.Currency);
        }

        var raw = grossAssetValue.Amount * schedule.ManagementFeeRate * days / DaysPerYear;
        return Money.Of(RoundingPolicy.FeeDue(raw, grossAssetValue.Currency), grossAssetValue.Currency);
    }

    public static Money PerformanceFee(Money grossAssetValue, Shares supply, UnitPrice highWaterMark, FeeSchedule schedule)
    {
        if (supply.Value <= 0m)
        {
            return Money.Zero(grossAssetValue.Currency);
        }

        var gain = grossAssetValue.Amount - (highWaterMark.Value * supply.Value);
        if (gain <= 0m)
        {
            return Money.Zero(grossAssetValue.Currency);
        }

        return Money.Of(RoundingPolicy.FeeDue(gain * schedule.PerformanceFeeRate, grossAssetValue.Currency), grossAssetValue.Currency);
    }

    /// <summary>The high-water mark after a crystallisation: the post-fee price, rounded up.</summary>
    public static UnitPrice HighWaterMarkAfter(Money grossAssetValueAfterFee, Shares supply) =>
        UnitPrice.Of(RoundingPolicy.PriceUp(grossAssetValueAfterFee.Amount / supply.Value));

    /// <summary>The last calendar day of the crystallisation period that contains <paramref name="date"/>.</summary>
    public static DateOnly PeriodEnd(CrystallisationSchedule schedule, DateOnly date) => schedule switch
    {
        CrystallisationSchedule.Daily => date,
        CrystallisationSchedule.Monthly => new DateOnly(date.Year, date.Month, DateTime.DaysInMonth(date.Year, date.Month)),
        CrystallisationSchedule.Quarterly => QuarterEnd(date),
        CrystallisationSchedule.Yearly => new DateOnly(date.Year, 12, 31),
        _ => throw new ArgumentOutOfRangeException(nameof(schedule)),
    };

    /// <summary>
    /// Whether a fee accrual as of <paramref name="asOf"/> crystallises, and the last day of the period it closes
    /// (null: no crystallisation). <paramref name="closedThrough"/> is the end of the last period closed (at creation,
    /// the inception date). A crystallisation happens
    /// <list type="bullet">
    /// <item>on the last calendar day of a period (the normal daily NAV step: the quarter-end NAV), closing it;</item>
    /// <item>when the caller says <paramref name="asOf"/> is the last NAV day of its period
    /// (<paramref name="closesPeriod"/>: the period's last day has no price), closing that period;</item>
    /// <item>late, on the first accrual after a period end that no accrual closed (a caller that skipped it),
    /// closing through the period before <paramref name="asOf"/>'s.</item>
    /// </list>
    /// </summary>
    public static DateOnly? CrystallisationThrough(CrystallisationSchedule schedule, DateOnly closedThrough, DateOnly asOf, bool closesPeriod)
    {
        if (asOf <= closedThrough)
        {
            return null;
        }

        var end = PeriodEnd(schedule, asOf);
        if (asOf == end || closesPeriod)
        {
            return end;
        }

        return PeriodEnd(schedule, closedThrough.AddDays(1)) < asOf ? PeriodEnd(schedule, PeriodStart(schedule, asOf).AddDays(-1)) : null;
    }

    /// <summary>
    /// The US 3-month T-bill rate as a daily simple rate: FRED DTB3 is quoted on a discount basis (a 91-day bill
    /// costs <c>1 − d × 91/360</c> and repays 1), so the simple return per day is <c>d / (360 − 91 × d)</c>, with
    /// <paramref name="discountRate"/> as a fraction (5.23% = 0.0523). Floored at 0: a negative print never lowers
    /// the mark below the high-water mark. Rounded down to 12 decimals.
    /// </summary>
    public static decimal TBillDailyRate(decimal discountRate)
    {
        if (discountRate <= 0m)
        {
            return 0m;
        }

        if (discountRate >= 1m)
        {
            throw new ArgumentOutOfRangeException(nameof(discountRate), discountRate, "a T-bill discount rate is a fraction below 1");
        }

        return RoundingPolicy.Down(discountRate / (360m - (91m * discountRate)), HurdleIndexScale);
    }

    /// <summary>
    /// The hurdle index after <paramref name="days"/> more days at the daily simple rate <paramref name="dailyRate"/>:
    /// <c>ceil₁₂(index × (1 + rate × days))</c> (compounded at each accrual; rounded up, in the holders' favour).
    /// </summary>
    public static decimal GrowHurdleIndex(decimal index, decimal dailyRate, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        ArgumentOutOfRangeException.ThrowIfNegative(dailyRate);
        return RoundingPolicy.Up(index * (1m + (dailyRate * days)), HurdleIndexScale);
    }

    /// <summary>The per-share mark a performance fee is measured from: <c>ceil₈(HWM × hurdleIndex)</c>.</summary>
    public static UnitPrice HurdleMark(UnitPrice highWaterMark, decimal hurdleIndex) =>
        UnitPrice.Of(RoundingPolicy.PriceUp(highWaterMark.Value * hurdleIndex));

    private static DateOnly QuarterEnd(DateOnly date)
    {
        var month = (((date.Month - 1) / 3) * 3) + 3;
        return new DateOnly(date.Year, month, DateTime.DaysInMonth(date.Year, month));
    }

    private static DateOnly PeriodStart(CrystallisationSchedule schedule, DateOnly date) => schedule switch
    {
        CrystallisationSchedule.Daily => date,
        CrystallisationSchedule.Monthly => new DateOnly(date.Year, date.Month, 1),
        CrystallisationSchedule.Quarterly => new DateOnly(date.Year, (((date.Month - 1) / 3) * 3) + 1, 1),
        CrystallisationSchedule.Yearly => new DateOnly(date.Year, 1, 1),
        _ => throw new ArgumentOutOfRangeException(nameof(schedule)),
    };
}
