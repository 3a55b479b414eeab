namespace TreasuryArena.Core.Intelligence;

/// <summary>
/// Every indicator known at one instant. Changes are fractions (0.05 = +5%), volatility is annualised over 365 days,
/// funding is a fraction per 8h interval (annualised = rate × 3 × 365), Fear &amp; Greed is 0..100 with its class in
/// <see cref="IndicatorReading.Label"/>.
/// </summary>
public sealed record MarketSnapshot(
    DateTimeOffset AsOf,
    string Mode,
    IndicatorReading BtcPrice,
    IndicatorReading BtcChange24h,
    IndicatorReading BtcChange7d,
    IndicatorReading BtcChange30d,
    IndicatorReading EthPrice,
    IndicatorReading EthChange24h,
    IndicatorReading EthChange7d,
    IndicatorReading EthChange30d,
    IndicatorReading BtcMa200,
    IndicatorReading MayerMultiple,
    IndicatorReading BtcDrawdown365,
    IndicatorReading MvrvZ,
    IndicatorReading FundingRate8h,
    IndicatorReading FundingRateAnnualised,
    IndicatorReading FearGreed,
    IndicatorReading BtcRealisedVol30d,
    IndicatorReading EthRealisedVol30d)
{
    /// <summary>The UTC date of <see cref="AsOf"/>.</summary>
    public DateOnly Date => DateOnly.FromDateTime(AsOf.UtcDateTime);

    /// <summary>All readings in display order.</summary>
    public IReadOnlyList<IndicatorReading> All =>
    [
        BtcPrice, BtcChange24h, BtcChange7d, BtcChange30d,
        EthPrice, EthChange24h, EthChange7d, EthChange30d,
        BtcMa200, MayerMultiple, BtcDrawdown365, MvrvZ,
        FundingRate8h, FundingRateAnnualised, FearGreed,
        BtcRealisedVol30d, EthRealisedVol30d,
    ];
}
