using System.Collections.Concurrent;
using TreasuryArena.Core.Quant;
using TreasuryArena.Core.Strategies;

namespace TreasuryArena.Core.Backtesting;

/// <summary>
/// Runs a strategy over a parameter grid in parallel (all cores), ranks the points by in-sample Sharpe and runs
/// the best ones out of sample, so overfitting shows. Without walk-forward the range is split 70/30; with
/// <c>folds</c> = F it is cut into F + 1 equal spans and fold k trains on spans 1..k (anchored) and tests on
/// span k + 1. Only the top points of each fold are kept: memory does not grow with the grid.
/// </summary>
public static class ParameterSweep
{
    public const double InSampleFraction = 0.7;

    public static SweepReport Run(
        StrategyDefinition definition,
        IReadOnlyDictionary<string, string> fixedParameters,
        IReadOnlyList<GridAxis> axes,
        Func<IStrategy, BarData> frameFor,
        BacktestOptions options,
        DateOnly? from,
        DateOnly? to,
        int walkForwardFolds = 0,
        int top = 10,
        IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(fixedParameters);
        ArgumentNullException.ThrowIfNull(axes);
        ArgumentNullException.ThrowIfNull(frameFor);
        ArgumentNullException.ThrowIfNull(options);
        if (axes.Count == 0)
        {
            throw new BacktestException("a sweep needs at least one --grid key=from:to:step");
        }

        if (walkForwardFolds is < 0 or > 50)
        {
            throw new BacktestException("--walk-forward must be between 1 and 50 folds");
        }

        foreach (var axis in axes)
        {
            if (!definition.Parameters.Any(p => p.Name.Equals(axis.Key, StringComparison.OrdinalIgnoreCase)))
            {
                throw StrategyException.BadParameter($"{definition.Name}: unknown parameter `{axis.Key}` in --grid (known: {string.Join(", ", definition.Parameters.Select(p => p.Name))})");
            }
        }

        long gridPoints = 1;
        foreach (var axis in axes)
        {
            gridPoints = checked(gridPoints * axis.Values.Count);
        }

        if (gridPoints > 10_000_000)
        {
            throw new BacktestException($"the grid has {gridPoints} points; the limit is 10,000,000");
        }

        var baseline = definition.Create(fixedParameters);
        var baseFrame = frameFor(baseline);
        var (start, end) = Backtester.ResolveRange(baseFrame, baseline, from, to);
        var spans = Spans(baseFrame, start, end, walkForwardFolds);
        var runOptions = options with { RecordWeights = false, RecordTrades = false, RecordDecisions = false };
        var indicators = new ConcurrentDictionary<BarData, IndicatorSet>();
        var frames = new ConcurrentDictionary<string, BarData>(StringComparer.Ordinal);
        BarData Frame(IStrategy s) => frames.GetOrAdd(string.Join(',', s.Assets), _ => frameFor(s));

        long runs = 0, skipped = 0, done = 0;
        string? firstSkip = null;
        var total = (double)(gridPoints * spans.Count);
        var folds = new List<SweepFold>();
        var chained = new List<SweepScore>();
        for (var f = 0; f < spans.Count; f++)
        {
            var (isFrom, isTo, oosFrom, oosTo) = spans[f];
            var best = new PriorityQueue<(long Index, SweepScore Score), double>();
            var gate = new object();
            Parallel.For(
                0L,
                gridPoints,
                new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount },
                i =>
                {
                    var score = Evaluate(definition, Point(fixedParameters, axes, i), Frame, indicators, runOptions, isFrom, isTo, out var skip);
                    if (score is null)
                    {
                        Interlocked.Increment(ref skipped);
                        Interlocked.CompareExchange(ref firstSkip, skip, null);
                    }
                    else
                    {
                        Interlocked.Increment(ref runs);
                        var key = score.Sharpe ?? double.NegativeInfinity;
                        lock (gate)
                        {
                            if (best.Count < top)
                            {
                                best.Enqueue((i, score), key);
                            }
                            else if (best.TryPeek(out _, out var worst) && key > worst)
                            {
                                best.DequeueEnqueue((i, score), key);
                            }
                        }
                    }

                    var d = Interlocked.Increment(ref done);
                    if (progress is not null && d % 64 == 0)
                    {
                        progress.Report(d / total);
                    }
                });

            var ranked = new List<(long Index, SweepScore Score)>();
            while (best.TryDequeue(out var item, out _))
            {
                ranked.Add(item);
            }

            ranked.Reverse();
            var points = ranked.Select(x =>
            {
                var p = Point(fixedParameters, axes, x.Index);
                var oos = Evaluate(definition, p, Frame, indicators, runOptions, oosFrom, oosTo, out _);
                return new SweepPoint(definition.Resolve(p).Values, x.Score, oos);
            }).ToList();
            folds.Add(new SweepFold(f + 1, isFrom, isTo, oosFrom, oosTo, points));
            if (points.Count > 0 && points[0].OutOfSample is { } o)
            {
                chained.Add(o);
            }
        }

        // The indicator buffers go back to the pool (a sweep that throws leaves them to the collector).
        foreach (var set in indicators.Values)
        {
            set.Dispose();
        }

        progress?.Report(1);
        return new SweepReport(definition.Name, gridPoints, runs, skipped, firstSkip, folds, chained);
    }

    /// <summary>The parameters of grid point <paramref name="index"/> (mixed-radix over the axes, last axis fastest).</summary>
    public static Dictionary<string, string> Point(IReadOnlyDictionary<string, string> fixedParameters, IReadOnlyList<GridAxis> axes, long index)
    {
        ArgumentNullException.ThrowIfNull(fixedParameters);
        ArgumentNullException.ThrowIfNull(axes);
        var p = new Dictionary<string, string>(fixedParameters, StringComparer.OrdinalIgnoreCase);
        for (var a = axes.Count - 1; a >= 0; a--)
        {
            var n = axes[a].Values.Count;
            p[axes[a].Key] = axes[a].Values[(int)(index % n)];
            index /= n;
        }

        return p;
    }

    private static SweepScore? Evaluate(
        StrategyDefinition definition,
        Dictionary<string, string> parameters,
        Func<IStrategy, BarData> frameFor,
        ConcurrentDictionary<BarData, IndicatorSet> indicators,
        BacktestOptions options,
        DateOnly from,
        DateOnly to,
        out string? skipReason)
    {
        skipReason = null;
        IStrategy strategy;
        try
        {
            strategy = definition.Create(parameters);
        }
        catch (StrategyException ex)
        {
            skipReason = ex.Message;
            return null;
        }

        var frame = frameFor(strategy);
        var s = frame.IndexOnOrAfter(from);
        var e = frame.IndexOnOrBefore(to);
        if (s < 0 || e - s < 1)
        {
            skipReason = $"{from:yyyy-MM-dd}..{to:yyyy-MM-dd} is not inside the data of {string.Join("+", strategy.Assets)}";
            return null;
        }

        var ind = indicators.GetOrAdd(frame, fr => new IndicatorSet(fr));
        var result = new PortfolioSimulator(frame, strategy, options, s, e, ind).Run();
        var returns = Returns.Simple(result.Equity);
        var ppy = frame.PeriodsPerYear;
        return new SweepScore(
            result.Dates[0],
            result.Dates[^1],
            PerformanceMetrics.TotalReturn(returns),
            PerformanceMetrics.Cagr(returns, ppy),
            RatioRules.Sharpe(returns, RiskFreeOf(frame).PerPeriod(result.Dates), ppy).Value,
            PerformanceMetrics.MaxDrawdown(returns).Depth,
            result.TradeCount);
    }

    private static RiskFreeCurve RiskFreeOf(BarData frame) =>
        frame.HasAux(AuxSeries.TBill) ? RiskFreeCurve.TBill3m(frame.Dates, frame.Aux(AuxSeries.TBill)) : RiskFreeCurve.None;

    private static List<(DateOnly IsFrom, DateOnly IsTo, DateOnly OosFrom, DateOnly OosTo)> Spans(BarData frame, int start, int end, int folds)
    {
        var d = frame.Dates;
        var len = end - start + 1;
        var list = new List<(DateOnly, DateOnly, DateOnly, DateOnly)>();
        if (folds == 0)
        {
            var cut = start + (int)(len * InSampleFraction);
            if (cut - start < 2 || end - cut < 1)
            {
                throw new BacktestException("the range is too short to split in and out of sample");
            }

            list.Add((d[start], d[cut - 1], d[cut], d[end]));
            return list;
        }

        var segment = len / (folds + 1);
        if (segment < 2)
        {
            throw new BacktestException($"the range has {len} bars, too few for {folds} walk-forward folds");
        }

        for (var k = 1; k <= folds; k++)
        {
            var cut = start + (k * segment);
            var oosEnd = k == folds ? end : cut + segment - 1;
            list.Add((d[start], d[cut - 1], d[cut], d[oosEnd]));
        }

        return list;
    }
}
