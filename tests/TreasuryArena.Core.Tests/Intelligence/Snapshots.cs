using TreasuryArena.Core.Intelligence;

namespace TreasuryArena.Core.Tests.Intelligence;

/// <summary>Builds snapshots with chosen indicator values (everything else missing) for rule tests.</summary>
internal static class Snapshots
{
    public static readonly DateTimeOffset At = new(2024, 1, 10, 0, 0, 0, TimeSpan.Zero);

    public static MarketSnapshot With(IReadOnlyDictionary<string, double> values, TimeSpan? age = null, bool stale = false)
    {
        IndicatorReading R(string name) => values.TryGetValue(name, out var v)
            ? new IndicatorReading(name, v, "test", At - (age ?? TimeSpan.Zero), stale, age ?? TimeSpan.Zero)
            : IndicatorReading.Missing(name, "test", "not given");

        return new MarketSnapshot(
            At,
            "test",
            R(IndicatorNames.BtcPrice),
            R(IndicatorNames.BtcChange24h),
            R(IndicatorNames.BtcChange7d),
            R(IndicatorNames.BtcChange30d),
            R(IndicatorNames.EthPrice),
            R(IndicatorNames.EthChange24h),
            R(IndicatorNames.EthChange7d),
            R(IndicatorNames.EthChange30d),
            R(IndicatorNames.BtcMa200),
            R(IndicatorNames.MayerMultiple),
            R(IndicatorNames.BtcDrawdown365),
            R(IndicatorNames.MvrvZ),
            R(IndicatorNames.FundingRate8h),
            R(IndicatorNames.FundingRateAnnualised),
            R(IndicatorNames.FearGreed),
            R(IndicatorNames.BtcRealisedVol30d),
            R(IndicatorNames.EthRealisedVol30d));
    }

    /// <summary>A complete, unremarkable mid-cycle snapshot, with overrides.</summary>
    public static MarketSnapshot Neutral(params (string Name, double Value)[] overrides)
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            [IndicatorNames.BtcPrice] = 40_000,
            [IndicatorNames.BtcChange24h] = 0.01,
            [IndicatorNames.BtcChange30d] = 0.05,
            [IndicatorNames.EthChange30d] = 0.05,
            [IndicatorNames.MayerMultiple] = 1.2,
            [IndicatorNames.BtcDrawdown365] = -0.10,
            [IndicatorNames.MvrvZ] = 1.5,
            [IndicatorNames.FearGreed] = 55,
            [IndicatorNames.FundingRateAnnualised] = 0.10,
        };
        foreach (var (name, value) in overrides)
        {
            values[name] = value;
        }

        return With(values);
    }
}
