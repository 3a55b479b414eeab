using TreasuryArena.Core.MarketData;

namespace TreasuryArena.Core.Intelligence;

/// <summary>
/// Computes a <see cref="MarketSnapshot"/> as of a date from daily series, reading only points dated on or before that
/// date (so the answer never depends on later data). Formulas:
/// <list type="bullet">
/// <item>change over k days = close(t) / close(t − k) − 1 (the last close on or before t − k, at most 3 days earlier);</item>
/// <item>200-day MA = mean of the last 200 closes (spanning at most 220 days); Mayer multiple = close / MA;</item>
/// <item>drawdown = close / max(close over the last 365 days) − 1;</item>
/// <item>realised volatility = std(log returns of the last 30 days, ddof 1) × √365;</item>
/// <item>funding annualised = rate per 8h × 3 × 365.</item>
/// </list>
/// A value observed more than <c>staleAfter</c> before the as-of date is served marked stale with its age.
/// </summary>
public static class IndicatorCalculator
{
    public const int MaWindow = 200;
    public const int MaxMaSpanDays = 220;
    public const int VolWindow = 30;
    public const int MaxChangeGapDays = 3;

    public static MarketSnapshot Compute(IndicatorInputs inputs, DateOnly asOf, string mode, TimeSpan staleAfter)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var at = Instant(asOf);
        var ctx = new Context(at, staleAfter);

        var btc = inputs.Btc;
        var eth = inputs.Eth;
        var fng = Latest(ctx, IndicatorNames.FearGreed, inputs.FearGreed, asOf);
        if (fng.Value is { } f)
        {
            fng = fng with { Label = FearGreedClass.Of(f) };
        }

        var funding = Latest(ctx, IndicatorNames.FundingRate8h, inputs.FundingRate, asOf);
        var fundingAnnual = funding.Value is { } r
            ? funding with { Name = IndicatorNames.FundingRateAnnualised, Value = r * 3 * 365 }
            : funding with { Name = IndicatorNames.FundingRateAnnualised };

        var ma = MovingAverage(ctx, IndicatorNames.BtcMa200, btc, asOf);
        var price = Latest(ctx, IndicatorNames.BtcPrice, btc, asOf);
        var mayer = ma.Value is { } m && price.Value is { } p
            ? ma with { Name = IndicatorNames.MayerMultiple, Value = p / m }
            : ma with { Name = IndicatorNames.MayerMultiple, Value = null };

        return new MarketSnapshot(
            at,
            mode,
            price,
            Change(ctx, IndicatorNames.BtcChange24h, btc, asOf, 1),
            Change(ctx, IndicatorNames.BtcChange7d, btc, asOf, 7),
            Change(ctx, IndicatorNames.BtcChange30d, btc, asOf, 30),
            Latest(ctx, IndicatorNames.EthPrice, eth, asOf),
            Change(ctx, IndicatorNames.EthChange24h, eth, asOf, 1),
            Change(ctx, IndicatorNames.EthChange7d, eth, asOf, 7),
            Change(ctx, IndicatorNames.EthChange30d, eth, asOf, 30),
            ma,
            mayer,
            Drawdown(ctx, IndicatorNames.BtcDrawdown365, btc, asOf),
            Latest(ctx, IndicatorNames.MvrvZ, inputs.MvrvZ, asOf),
            funding,
            fundingAnnual,
            fng,
            Volatility(ctx, IndicatorNames.BtcRealisedVol30d, btc, asOf),
            Volatility(ctx, IndicatorNames.EthRealisedVol30d, eth, asOf));
    }

    /// <summary>00:00 UTC of a date: the instant daily values are stamped with.</summary>
    public static DateTimeOffset Instant(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private static IndicatorReading Latest(Context ctx, string name, IndicatorSeries? input, DateOnly asOf)
    {
        if (!TryIndex(input, asOf, out var s, out var i))
        {
            return NoData(name, input, asOf);
        }

        return ctx.Reading(name, s.ValueAt(i), input!.Source, s.DateAt(i));
    }

    private static IndicatorReading Change(Context ctx, string name, IndicatorSeries? input, DateOnly asOf, int days)
    {
        if (!TryIndex(input, asOf, out var s, out var i))
        {
            return NoData(name, input, asOf);
        }

        var observed = s.DateAt(i);
        var target = observed.AddDays(-days);
        var j = s.IndexOnOrBefore(target);
        if (j < 0 || s.DateAt(j) < target.AddDays(-MaxChangeGapDays))
        {
            return IndicatorReading.Missing(name, input!.Source, $"no close near {target:yyyy-MM-dd} to compare with");
        }

        return ctx.Reading(name, (s.ValueAt(i) / s.ValueAt(j)) - 1, input!.Source, observed);
    }

    private static IndicatorReading MovingAverage(Context ctx, string name, IndicatorSeries? input, DateOnly asOf)
    {
        if (!TryIndex(input, asOf, out var s, out var i))
        {
            return NoData(name, input, asOf);
        }

        var first = i - MaWindow + 1;
        if (first < 0 || s.DateAt(i).DayNumber - s.DateAt(first).DayNumber > MaxMaSpanDays)
        {
            return IndicatorReading.Missing(name, input!.Source, $"fewer than {MaWindow} closes in the {MaxMaSpanDays} days to {s.DateAt(i):yyyy-MM-dd}");
        }

        var values = s.Values;
        double sum = 0;
        for (var k = first; k <= i; k++)
        {
            sum += values[k];
        }

        return ctx.Reading(name, sum / MaWindow, input!.Source, s.DateAt(i));
    }

    private static IndicatorReading Drawdown(Context ctx, string name, IndicatorSeries? input, DateOnly asOf)
    {
        if (!TryIndex(input, asOf, out var s, out var i))
        {
            return NoData(name, input, asOf);
        }

        var observed = s.DateAt(i);
        var start = s.IndexOnOrBefore(observed.AddDays(-365)) + 1;
        var values = s.Values;
        var high = 0.0;
        for (var k = start; k <= i; k++)
        {
            high = Math.Max(high, values[k]);
        }

        return ctx.Reading(name, (values[i] / high) - 1, input!.Source, observed);
    }

    private static IndicatorReading Volatility(Context ctx, string name, IndicatorSeries? input, DateOnly asOf)
    {
        if (!TryIndex(input, asOf, out var s, out var i))
        {
            return NoData(name, input, asOf);
        }

        var first = i - VolWindow;
        if (first < 0 || s.DateAt(i).DayNumber - s.DateAt(first).DayNumber > VolWindow + MaxChangeGapDays)
        {
            return IndicatorReading.Missing(name, input!.Source, $"fewer than {VolWindow} daily returns to {s.DateAt(i):yyyy-MM-dd}");
        }

        var values = s.Values;
        Span<double> returns = stackalloc double[VolWindow];
        double mean = 0;
        for (var k = 0; k < VolWindow; k++)
        {
            returns[k] = Math.Log(values[first + k + 1] / values[first + k]);
            mean += returns[k];
        }

        mean /= VolWindow;
        double ss = 0;
        foreach (var r in returns)
        {
            ss += (r - mean) * (r - mean);
        }

        return ctx.Reading(name, Math.Sqrt(ss / (VolWindow - 1)) * Math.Sqrt(365), input!.Source, s.DateAt(i));
    }

    private static bool TryIndex(IndicatorSeries? input, DateOnly asOf, out TimeSeries series, out int index)
    {
        series = input?.Series!;
        index = input is null ? -1 : input.Series.IndexOnOrBefore(asOf);
        return index >= 0;
    }

    private static IndicatorReading NoData(string name, IndicatorSeries? input, DateOnly asOf) =>
        input is null
            ? IndicatorReading.Missing(name, "none", "no source configured")
            : IndicatorReading.Missing(name, input.Source, $"no data on or before {asOf:yyyy-MM-dd}");

    private sealed class Context(DateTimeOffset at, TimeSpan staleAfter)
    {
        public IndicatorReading Reading(string name, double value, string source, DateOnly observed)
        {
            if (!double.IsFinite(value))
            {
                return IndicatorReading.Missing(name, source, "computed value is not finite");
            }

            var stamp = Instant(observed);
            var age = at - stamp;
            var stale = age > staleAfter;
            return new IndicatorReading(name, value, source, stamp, stale, age, Note: stale ? $"last observation {observed:yyyy-MM-dd}" : null);
        }
    }
}
