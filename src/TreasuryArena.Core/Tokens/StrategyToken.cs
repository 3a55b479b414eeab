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
/// <param name="ReferenceNav">Last NAV per share; the issue price while no share is outstanding.</param>
/// <param name="HighWaterMark">Per-share high-water mark for the performance fee.</param>
/// <param name="LastFeeDate">Date up to which management fees have been accrued.</param>
/// <param name="LastCrystallisationDate">Date of the last performance-fee crystallisation check.</param>
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
    DateOnly LastCrystallisationDate);
