using System.Globalization;

namespace TreasuryArena.Core.MarketData;

/// <summary>
/// Where history becomes tradable: the one place that says from when an asset can be traded and from when a yield venue
/// pays its yield. Read by the backtester (default windows start at inception, an explicit earlier start is refused),
/// the yield model and the treasury's marks (no venue yield before its launch), the token issuer (no token before its
/// assets' inception), the CLI (<c>arena inceptions</c>, evaluate and demo checks) and the API
/// (<c>GET /api/market/inceptions</c>, 422 on a token issued too early).
/// <para><b>Assets: a rule on the data.</b> An asset's first liquid trading day is the first day of a run of
/// <see cref="LiquidDays"/> consecutive calendar days (or of a shorter run that lasts to the end of the data) on which
/// the close is positive and the reported daily volume is at least <see cref="MinDailyVolumeUsd"/> USD. Prices before
/// it may feed indicators (a 200-day average at inception reads them), never a trade. On the shipped history
/// (../shared/data/market, README): BTC (CoinMarketCap) → 2013-12-27, the day after the last of its 248 zero-volume
/// rows (2011-06-20 … 2013-12-26); before 2013-04-28 its volume was tens of thousands of dollars a day (the first bar,
/// 2010-07-13, closed at $0.058 on $75). ETH (CoinGecko before Yahoo's 2017-11-09 start, re-dated to the previous
/// close) → 2016-01-14; its first months (2015-08 … 2016-01) traded a few hundred thousand dollars a day.</para>
/// <para><b>Venues: curated launch dates.</b> No venue APY history ships with the data (the data README's "Not found"
/// note), so the launch dates are the public ones listed in <see cref="Venues"/> with their source.</para>
/// </summary>
public static class Inception
{
    /// <summary>The least daily volume (USD) that counts as a liquid day: ten times the default $100,000 backtest capital.</summary>
    public const double MinDailyVolumeUsd = 1_000_000;

    /// <summary>Consecutive liquid calendar days the first liquid trading day opens.</summary>
    public const int LiquidDays = 90;

    /// <summary>The venue the backtest's <c>YIELD</c> asset (stablecoin lending) stands for: the treasury's lending venue, Aave USDC.</summary>
    public const string LendingVenueId = "aave";

    /// <summary>The yield venues with their launch dates and sources.</summary>
    public static IReadOnlyList<VenueLaunch> Venues { get; } =
    [
        new VenueLaunch("aave", "Aave v1 lending pools (Ethereum mainnet)", new DateOnly(2020, 1, 8),
            "Aave Protocol mainnet launch, 8 January 2020 (Aave announcement; Wikipedia \"Aave\": introduced January 2020, live on mainnet with 16 assets). ETHLend, its 2017 peer-to-peer predecessor, had no pooled USDC supply rate."),
        new VenueLaunch("curve", "Curve StableSwap pools (Ethereum mainnet)", new DateOnly(2020, 1, 3),
            "Curve Finance launch, 3 January 2020 (DefiLlama wiki \"Curve Finance\"; StableSwap white paper November 2019). CRV rewards only from 13 August 2020."),
        new VenueLaunch("pendle", "Pendle v1 fixed-yield markets (Ethereum mainnet)", new DateOnly(2021, 6, 17),
            "Pendle V1 mainnet launch, 17 June 2021 (Pendle announcement; Grokipedia \"Pendle\"). V1 split Aave/Compound deposits into ownership (principal) and yield tokens; the V2 PT/YT markets followed in November 2022."),
    ];

    /// <summary>The venue the backtest's <c>YIELD</c> asset stands for (<see cref="LendingVenueId"/>).</summary>
    public static VenueLaunch LendingVenue => Venue(LendingVenueId)!;

    /// <summary>A venue's launch by id (case-insensitive), or null for a venue this registry does not know (then no
    /// launch gate applies: a configured venue is taken to exist on every date).</summary>
    public static VenueLaunch? Venue(string venue) =>
        Venues.FirstOrDefault(v => string.Equals(v.Venue, venue?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The first liquid trading day of <paramref name="series"/> by the rule above, or null when the series reports
    /// volume but never has a liquid run. A series that reports no volume at all (every value missing) cannot be judged
    /// and starts at its first priced date, which the reason says.
    /// </summary>
    public static AssetInception? FirstLiquidDay(OhlcvSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var n = series.Count;
        if (n == 0)
        {
            return null;
        }

        var symbol = series.Symbol.ToUpperInvariant();
        var first = series.Dates[0];
        if (series.Volume.All(double.IsNaN))
        {
            return new AssetInception(symbol, first, first, Text(
                $"the {symbol} history reports no volume, so liquidity cannot be judged: tradable from its first price"));
        }

        // run[i]: consecutive liquid calendar days starting at i; toEnd[i]: that run reaches the last bar.
        var run = new int[n];
        var toEnd = new bool[n];
        for (var i = n - 1; i >= 0; i--)
        {
            if (!Liquid(series, i))
            {
                continue;
            }

            var next = i + 1 < n && series.Dates[i + 1].DayNumber == series.Dates[i].DayNumber + 1;
            run[i] = next ? run[i + 1] + 1 : 1;
            toEnd[i] = i == n - 1 || (next && toEnd[i + 1]);
        }

        for (var i = 0; i < n; i++)
        {
            if (run[i] >= LiquidDays || toEnd[i])
            {
                return new AssetInception(symbol, series.Dates[i], first, Reason(series, i));
            }
        }

        return null;
    }

    private static bool Liquid(OhlcvSeries s, int i) =>
        s.Close[i] > 0 && double.IsFinite(s.Close[i]) && s.Volume[i] >= MinDailyVolumeUsd && double.IsFinite(s.Volume[i]);

    private static string Reason(OhlcvSeries s, int i)
    {
        var rule = Text($"first of {LiquidDays} consecutive days with a positive close and at least ${MinDailyVolumeUsd:N0} of reported daily volume");
        if (i == 0)
        {
            return Text($"{rule} (from the first date of its history)");
        }

        var before = s.Volume.Take(i).ToArray();
        var zero = before.Count(v => v == 0);
        var known = before.Where(v => double.IsFinite(v)).Order().ToArray();
        var median = known.Length == 0 ? double.NaN : known[known.Length / 2];
        return Text($"{rule}; the {i:N0} earlier days from {s.Dates[0]:yyyy-MM-dd} (first close ${s.Close[0]:0.####}) had {zero:N0} zero-volume days and a median volume of ${median:N0}, prices that feed indicators but are not traded");
    }

    private static string Text(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
