using TreasuryArena.Core.Common;
using TreasuryArena.Core.Fees;

namespace TreasuryArena.Core.Tokens;

/// <summary>
/// A strategy token's definition and lifecycle state as the ledger keeps it. Balances (gross asset value, supply,
/// holders, NAV per share) are derived from ledger entries: see <see cref="TokenView"/>.
/// </summary>
/// <param name="Symbol">Unique, validated by <see cref="TokenSymbol"/>.</param>
/// <param name="Name">Display name.</param>
/// <param name="StrategyId">The strategy whose portfolio backs the token.</param>
/// <param name="Status">Lifecycle status.</param>
/// <param name="Fees">Fee schedule.</param>
/// <param name="InceptionDate">First valuation date.</param>
/// <param name="ReferenceNav">The last struck NAV per share, scaled by fees taken since; it values the virtual shares of <see cref="Ledger.SharePricing"/> and is the price while no share is outstanding.</param>
/// <param name="HighWaterMark">
/// Per-share high-water mark for the performance fee: set at the NAV of the first subscription into the fund (and again
/// whenever the fund goes from no shares outstanding to holders), reset to the post-fee NAV by a crystallisation that
/// charges a fee.
/// </param>
/// <param name="LastFeeDate">Date up to which management fees have been accrued.</param>
/// <param name="LastCrystallisationDate">
/// The last day of the last crystallisation period closed (the inception date before any): the next crystallisation
/// closes a later period. The crystallisation itself uses the NAV of the period's last NAV day, which is this date
/// unless the period's last calendar day had no price.
/// </param>
public sealed record StrategyToken(
    string Symbol,
    string Name,
    string StrategyId,
    TokenStatus Status,
    FeeSchedule Fees,
    DateOnly InceptionDate,
    UnitPrice ReferenceNav,
    UnitPrice HighWaterMark,
    DateOnly LastFeeDate,
    DateOnly LastCrystallisationDate)
{
    /// <summary>The NAV date the high-water mark was last set on (inception, first subscription, or a crystallisation).</summary>
    public DateOnly HighWaterMarkDate { get; init; } = InceptionDate;

    /// <summary>
    /// The growth of the hurdle since <see cref="HighWaterMarkDate"/> (1 without a hurdle, or right after the mark
    /// was set), at <see cref="FeeCalculator.HurdleIndexScale"/> decimals; the fee is measured from
    /// <see cref="HurdleMark"/>.
    /// </summary>
    public decimal HurdleIndex { get; init; } = 1m;

    /// <summary>The per-share mark the performance fee is measured from: ceil₈(HWM × hurdle index).</summary>
    public UnitPrice HurdleMark => FeeCalculator.HurdleMark(HighWaterMark, HurdleIndex);
}
