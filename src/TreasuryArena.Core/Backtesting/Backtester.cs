using System.Globalization;
using TreasuryArena.Core.Quant;
using TreasuryArena.Core.Strategies;

namespace TreasuryArena.Core.Backtesting;

/// <summary>Runs a strategy over a date range of a frame and scores it with the quant library.</summary>
public static class Backtester
{
    /// <summary>
    /// The bar range for <paramref name="from"/>..<paramref name="to"/> (both optional). The default start is the
    /// first bar after the strategy's warm-up at which every auxiliary series it reads has a value and every priced
    /// asset of the frame is past its inception (<see cref="BarData.TradableFrom"/>); the default end is the last bar.
    /// Dates outside the frame are an error, not silently clipped, and so is an explicit start (or end) before the
    /// inception: the message names the asset and its first liquid trading day.
    /// </summary>
    public static (int Start, int End) ResolveRange(BarData data, IStrategy strategy, DateOnly? from, DateOnly? to)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(strategy);
        var first = data.Dates[0];
        var last = data.Dates[^1];
        var assets = string.Join("+", data.Assets.Select(a => a.Symbol));
        if (from is { } f && (f < first || f > last))
        {
            throw new BacktestException(Invariant($"--from {f:yyyy-MM-dd} is outside the data: {assets} history runs {first:yyyy-MM-dd}..{last:yyyy-MM-dd}"));
        }

        if (to is { } t && (t < first || t > last))
        {
            throw new BacktestException(Invariant($"--to {t:yyyy-MM-dd} is outside the data: {assets} history runs {first:yyyy-MM-dd}..{last:yyyy-MM-dd}"));
        }

        if (from is { } fi && BeforeInception(data, fi) is { } early)
        {
            throw new BacktestException(Invariant($"--from {fi:yyyy-MM-dd} is before {early.Asset}'s inception, its first liquid trading day {early.Date:yyyy-MM-dd} ({early.Reason}). Start on or after {early.Date:yyyy-MM-dd}, or leave out --from to start there"));
        }

        if (to is { } ti && BeforeInception(data, ti) is { } late)
        {
            throw new BacktestException(Invariant($"--to {ti:yyyy-MM-dd} is before {late.Asset}'s inception, its first liquid trading day {late.Date:yyyy-MM-dd}: there is no tradable history to test"));
        }

        var start = from is { } ff ? data.IndexOnOrAfter(ff) : DefaultStart(data, strategy);
        var end = to is { } tt ? data.IndexOnOrBefore(tt) : data.Count - 1;
        if (end - start < 1)
        {
            throw new BacktestException(Invariant($"the range {data.Dates[start]:yyyy-MM-dd}..{data.Dates[Math.Max(0, end)]:yyyy-MM-dd} has fewer than two bars"));
        }

        return (start, end);
    }

    /// <summary>The priced asset of the frame whose inception is after <paramref name="date"/> (the latest such), or null.</summary>
    public static MarketData.AssetInception? BeforeInception(BarData data, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(data);
        return data.Binding is { } b && date < b.Date ? b : null;
    }

    /// <summary>
    /// The first bar after warm-up at which every auxiliary series the strategy reads is known and every priced asset
    /// is past its inception. Warm-up counts from the frame's first bar: indicators may read the real prices before an
    /// inception, trades may not.
    /// </summary>
    public static int DefaultStart(BarData data, IStrategy strategy)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(strategy);
        if (data.TradableFrom > data.Count - 2)
        {
            throw new BacktestException(Invariant($"the data ends on {data.Dates[^1]:yyyy-MM-dd}, before two bars past {data.Binding!.Asset}'s inception {data.Binding.Date:yyyy-MM-dd}: there is no tradable history"));
        }

        var start = Math.Max(Math.Min(strategy.WarmupBars, data.Count - 2), data.TradableFrom);
        foreach (var name in strategy.AuxiliarySeries)
        {
            var values = data.Aux(name);
            var i = Array.FindIndex(values, v => !double.IsNaN(v));
            if (i < 0)
            {
                throw new BacktestException($"the data has no `{name}` values, which {strategy.Name} needs");
            }

            start = Math.Max(start, i);
        }

        return Math.Min(start, data.Count - 2);
    }

    public static BacktestRun Run(
        BarData data,
        IStrategy strategy,
        BacktestOptions options,
        DateOnly? from = null,
        DateOnly? to = null,
        string benchmarkAsset = "BTC",
        IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        var (start, end) = ResolveRange(data, strategy, from, to);
        return Run(data, strategy, options, start, end, benchmarkAsset, null, progress);
    }

    public static BacktestRun Run(
        BarData data,
        IStrategy strategy,
        BacktestOptions options,
        int start,
        int end,
        string benchmarkAsset = "BTC",
        IndicatorSet? indicators = null,
        IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        var b = data.AssetIndex(benchmarkAsset);
        if (b < 0)
        {
            throw new BacktestException($"benchmark `{benchmarkAsset}` is not in the frame ({string.Join(", ", data.Assets.Select(a => a.Symbol))})");
        }

        // An indicator set made here is disposed here: its buffers go back to the pool for the next run.
        using var own = indicators is null ? new IndicatorSet(data) : null;
        var simulator = new PortfolioSimulator(data, strategy, options, start, end, indicators ?? own);
        if (progress is null)
        {
            simulator.Run();
        }
        else
        {
            var step = Math.Max(1, (end - start + 1) / 100);
            var done = 0;
            while (simulator.Step())
            {
                if (++done % step == 0)
                {
                    progress.Report((double)done / (end - start + 1));
                }
            }

            progress.Report(1);
        }

        var result = simulator.Result();
        var close = data.Assets[b].Close;
        var benchmark = new double[result.Equity.Length];
        for (var i = 0; i < benchmark.Length; i++)
        {
            benchmark[i] = options.Capital * close[start + i] / close[start];
        }

        // Excess returns over the T-bill the frame carries (as of each bar, FRED DTB3); none without it (synthetic frames).
        var riskFree = data.HasAux(AuxSeries.TBill) ? RiskFreeCurve.TBill3m(data.Dates, data.Aux(AuxSeries.TBill)) : RiskFreeCurve.None;
        var metricsOptions = new MetricsOptions { PeriodsPerYear = data.PeriodsPerYear, RiskFree = riskFree };
        var metrics = PerformanceMetrics.Compute(result.Equity, result.Dates, metricsOptions, benchmark);
        var benchmarkMetrics = PerformanceMetrics.Compute(benchmark, result.Dates, metricsOptions);
        return new BacktestRun(strategy, options, result, metrics, data.Assets[b].Symbol, benchmark, benchmarkMetrics);
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
