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
/// <item><b>Performance fee</b> over a fund-level high-water mark (HWM, per share):
/// <c>fee = floor₂((GAV − HWM × supply) × perfRate)</c> when positive, else 0; after paying it, the HWM resets to
/// the post-fee price <c>ceil₈((GAV − fee) / supply)</c> (only if the price was above the HWM). Paid at the
/// crystallisation dates of the token's <see cref="CrystallisationSchedule"/>.</item>
/// </list>
/// Worked check: GAV 110, supply 100, HWM 1.00, rate 10% → fee 1.00, new HWM 1.09.
/// </summary>
public static class FeeCalculator
{
    public const int DaysPerYear = 365;

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

    /// <summary>True when a crystallisation date of <paramref name="schedule"/> falls in (<paramref name="last"/>, <paramref name="asOf"/>].</summary>
    public static bool CrystallisationDue(CrystallisationSchedule schedule, DateOnly last, DateOnly asOf)
    {
        if (asOf <= last)
        {
            return false;
        }

        return schedule switch
        {
            CrystallisationSchedule.Daily => true,
            CrystallisationSchedule.Monthly => (asOf.Year * 12) + asOf.Month != (last.Year * 12) + last.Month,
            CrystallisationSchedule.Quarterly => (asOf.Year * 4) + ((asOf.Month - 1) / 3) != (last.Year * 4) + ((last.Month - 1) / 3),
            CrystallisationSchedule.Yearly => asOf.Year != last.Year,
            _ => throw new ArgumentOutOfRangeException(nameof(schedule)),
        };
    }
}
