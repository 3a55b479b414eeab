namespace TreasuryArena.Core.Quant;

/// <summary>
/// Return and risk metrics, written once and reused by backtests, token pages and reports. Conventions follow
/// empyrical (see docs/readme/03-quant.md and shared FINANCE.md): simple returns, sample volatility (ddof 1),
/// annualisation by a periods-per-year factor, wealth path starting at 1. The single-ratio functions
/// (<see cref="Sharpe"/>, <see cref="Sortino"/>, <see cref="Calmar(ReadOnlySpan{double}, double)"/>) are empyrical's raw formulas (NaN for
/// degenerate input); every figure a user sees goes through <see cref="RatioRules"/> (as <see cref="Compute"/> does).
/// Functions taking <c>returns</c> expect simple period returns; <c>rf</c> and <c>target</c> arguments are per period.
/// </summary>
public static class PerformanceMetrics
{
    /// <summary>
    /// All metrics of a price (or equity) series. <paramref name="dates"/>, when given, has one date per price.
    /// <paramref name="benchmarkPrices"/>, when not empty, has one price per price and gives beta and alpha.
    /// </summary>
    public static PerformanceReport Compute(
        ReadOnlySpan<double> prices,
        IReadOnlyList<DateOnly>? dates = null,
        MetricsOptions? options = null,
        ReadOnlySpan<double> benchmarkPrices = default)
    {
        Returns.CheckPrices(prices, "prices");
        if (dates is not null && dates.Count != prices.Length)
        {
            throw new ArgumentException($"{dates.Count} dates for {prices.Length} prices", nameof(dates));
        }

        double[]? benchmark = null;
        if (!benchmarkPrices.IsEmpty)
        {
            if (benchmarkPrices.Length != prices.Length)
            {
                throw new ArgumentException($"{benchmarkPrices.Length} benchmark prices for {prices.Length} prices", nameof(benchmarkPrices));
            }

            benchmark = Returns.Simple(benchmarkPrices);
        }

        return ComputeFromReturns(Returns.Simple(prices), dates, options, benchmark);
    }

    /// <summary>
    /// All metrics of a simple-return series. <paramref name="dates"/>, when given, has one date per point of the wealth
    /// path (returns.Length + 1: the start, then the date of each return). Log returns: convert with
    /// <see cref="Returns.SimpleFromLog"/> first.
    /// </summary>
    public static PerformanceReport ComputeFromReturns(
        ReadOnlySpan<double> returns,
        IReadOnlyList<DateOnly>? dates = null,
        MetricsOptions? options = null,
        ReadOnlySpan<double> benchmarkReturns = default)
    {
        options ??= MetricsOptions.Default;
        Returns.CheckReturns(returns, "returns");
        Returns.CheckPeriods(options.PeriodsPerYear);
        if (dates is not null && dates.Count != returns.Length + 1)
        {
            throw new ArgumentException($"{dates.Count} dates for {returns.Length} returns (need one more: the start)", nameof(dates));
        }

        if (!benchmarkReturns.IsEmpty && benchmarkReturns.Length != returns.Length)
        {
            throw new ArgumentException($"{benchmarkReturns.Length} benchmark returns for {returns.Length} returns", nameof(benchmarkReturns));
        }

        var ppy = options.PeriodsPerYear;
        double[] rfs;
        if (options.RiskFree is { } curve)
        {
            rfs = dates is null
                ? throw new ArgumentException("a risk-free curve needs the dates of the returns", nameof(dates))
                : curve.PerPeriod(dates);
        }
        else
        {
            rfs = new double[returns.Length];
            Array.Fill(rfs, Returns.PerPeriodRate(options.RiskFreeRate, ppy));
        }

        var rf = Mean(rfs);
        var targets = rfs;
        if (options.SortinoTarget is { } annualTarget)
        {
            targets = new double[returns.Length];
            Array.Fill(targets, Returns.PerPeriodRate(annualTarget, ppy));
        }

        var dd = MaxDrawdown(returns, dates);
        var cagr = Cagr(returns, ppy);
        var (bestIndex, worstIndex) = BestWorstIndex(returns);
        var undefined = new Dictionary<string, string>(StringComparer.Ordinal);
        var sharpe = Keep("sharpe", RatioRules.Sharpe(returns, rfs, ppy, options.MinObservations), undefined);
        var sortino = Keep("sortino", RatioRules.Sortino(returns, targets, ppy, options.MinObservations), undefined);
        var calmar = Keep("calmar", RatioRules.Calmar(returns, ppy, options.MinObservations), undefined);
        double? beta = null, alpha = null, information = null;
        if (!benchmarkReturns.IsEmpty)
        {
            beta = Finite(Beta(returns, benchmarkReturns));
            alpha = Finite(Alpha(returns, benchmarkReturns, rf, ppy));
            information = Keep("information_ratio", RatioRules.InformationRatio(returns, benchmarkReturns, ppy, options.MinObservations), undefined);
        }

        return new PerformanceReport
        {
            Periods = returns.Length,
            PeriodsPerYear = ppy,
            Start = dates?[0],
            End = dates?[^1],
            TotalReturn = TotalReturn(returns),
            Cagr = cagr,
            MeanReturn = Mean(returns),
            AnnualVolatility = AnnualVolatility(returns, ppy),
            Sharpe = sharpe,
            DownsideRisk = DownsideRisk(Minus(returns, targets), 0, ppy),
            Sortino = sortino,
            MaxDrawdown = dd,
            Calmar = calmar,
            VarLevel = options.VarLevel,
            ValueAtRisk = ValueAtRisk(returns, options.VarLevel),
            ConditionalValueAtRisk = ConditionalValueAtRisk(returns, options.VarLevel),
            HitRate = HitRate(returns),
            BestPeriod = returns[bestIndex],
            WorstPeriod = returns[worstIndex],
            BestDate = dates?[bestIndex + 1],
            WorstDate = dates?[worstIndex + 1],
            Beta = beta,
            Alpha = alpha,
            InformationRatio = information,
            RiskFree = options.RiskFree?.Name ?? (options.RiskFreeRate == 0 ? RiskFreeCurve.NoneName : "fixed"),
            RiskFreeRate = options.RiskFree is null ? options.RiskFreeRate : RiskFreeCurve.Annualised(rfs, ppy),
            UndefinedRatios = undefined,
        };
    }

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;

    private static double[] Minus(ReadOnlySpan<double> returns, double[] rates)
    {
        var r = returns.ToArray();
        for (var i = 0; i < r.Length; i++)
        {
            r[i] -= rates[i];
        }

        return r;
    }

    private static double? Keep(string name, RatioValue ratio, Dictionary<string, string> undefined)
    {
        if (ratio.Reason is { } reason)
        {
            undefined[name] = reason;
        }

        return ratio.Value;
    }

    /// <summary>∏(1 + r) - 1.</summary>
    public static double TotalReturn(ReadOnlySpan<double> returns) => Growth(returns) - 1.0;

    /// <summary>(∏(1 + r))^(periodsPerYear / n) - 1 (empyrical annual_return).</summary>
    public static double Cagr(ReadOnlySpan<double> returns, double periodsPerYear)
    {
        Returns.CheckPeriods(periodsPerYear);
        return returns.IsEmpty ? double.NaN : Math.Pow(Growth(returns), periodsPerYear / returns.Length) - 1.0;
    }

    /// <summary>Arithmetic mean.</summary>
    public static double Mean(ReadOnlySpan<double> values)
    {
        if (values.IsEmpty)
        {
            return double.NaN;
        }

        var s = 0.0;
        foreach (var v in values)
        {
            s += v;
        }

        return s / values.Length;
    }

    /// <summary>Sample standard deviation (ddof 1); NaN with fewer than two values.</summary>
    public static double StandardDeviation(ReadOnlySpan<double> values)
    {
        if (values.Length < 2)
        {
            return double.NaN;
        }

        var m = Mean(values);
        var ss = 0.0;
        foreach (var v in values)
        {
            var d = v - m;
            ss += d * d;
        }

        return Math.Sqrt(ss / (values.Length - 1));
    }

    /// <summary>std(r, ddof 1) × √periodsPerYear.</summary>
    public static double AnnualVolatility(ReadOnlySpan<double> returns, double periodsPerYear)
    {
        Returns.CheckPeriods(periodsPerYear);
        return StandardDeviation(returns) * Math.Sqrt(periodsPerYear);
    }

    /// <summary>mean(r - rf) / std(r - rf, ddof 1) × √periodsPerYear, rf per period. NaN when the deviation is 0.</summary>
    public static double Sharpe(ReadOnlySpan<double> returns, double riskFreePerPeriod, double periodsPerYear)
    {
        Returns.CheckPeriods(periodsPerYear);
        var sd = StandardDeviation(returns);
        if (!(sd > 0))
        {
            return double.NaN;
        }

        return (Mean(returns) - riskFreePerPeriod) / sd * Math.Sqrt(periodsPerYear);
    }

    /// <summary>√(mean over all observations of min(r - target, 0)²) × √periodsPerYear (denominator N).</summary>
    public static double DownsideRisk(ReadOnlySpan<double> returns, double targetPerPeriod, double periodsPerYear)
    {
        Returns.CheckPeriods(periodsPerYear);
        if (returns.IsEmpty)
        {
            return double.NaN;
        }

        var ss = 0.0;
        foreach (var r in returns)
        {
            var d = Math.Min(r - targetPerPeriod, 0.0);
            ss += d * d;
        }

        return Math.Sqrt(ss / returns.Length) * Math.Sqrt(periodsPerYear);
    }

    /// <summary>mean(r - target) × periodsPerYear / DownsideRisk. NaN when there is no downside.</summary>
    public static double Sortino(ReadOnlySpan<double> returns, double targetPerPeriod, double periodsPerYear)
    {
        var dr = DownsideRisk(returns, targetPerPeriod, periodsPerYear);
        if (!(dr > 0))
        {
            return double.NaN;
        }

        return (Mean(returns) - targetPerPeriod) * periodsPerYear / dr;
    }

    /// <summary>
    /// Maximum drawdown of the wealth path V_0 = 1, V_t = ∏_{s≤t}(1 + r_s); the start counts as a peak.
    /// <paramref name="dates"/> (optional) has returns.Length + 1 entries, one per wealth point.
    /// </summary>
    public static Drawdown MaxDrawdown(ReadOnlySpan<double> returns, IReadOnlyList<DateOnly>? dates = null)
    {
        if (dates is not null && dates.Count != returns.Length + 1)
        {
            throw new ArgumentException($"{dates.Count} dates for {returns.Length} returns (need one more: the start)", nameof(dates));
        }

        var wealth = 1.0;
        var peak = 1.0;
        var peakIndex = 0;
        var depth = 0.0;
        int bestPeak = -1, trough = -1;
        for (var i = 0; i < returns.Length; i++)
        {
            wealth *= 1.0 + returns[i];
            var point = i + 1;
            if (wealth > peak)
            {
                peak = wealth;
                peakIndex = point;
                continue;
            }

            var d = wealth / peak - 1.0;
            if (d < depth)
            {
                depth = d;
                bestPeak = peakIndex;
                trough = point;
            }
        }

        if (trough < 0)
        {
            return new Drawdown(0.0, null, null, null, null, null, null, null, null);
        }

        // Recovery: first point after the trough whose wealth regains the peak's wealth.
        wealth = 1.0;
        var peakWealth = 1.0;
        int? recovery = null;
        for (var i = 0; i < returns.Length; i++)
        {
            wealth *= 1.0 + returns[i];
            var point = i + 1;
            if (point == bestPeak)
            {
                peakWealth = wealth;
            }

            if (point > trough && wealth >= peakWealth)
            {
                recovery = point;
                break;
            }
        }

        var end = recovery ?? returns.Length;
        return new Drawdown(
            depth,
            bestPeak,
            trough,
            recovery,
            dates?[bestPeak],
            dates?[trough],
            recovery is { } r ? dates?[r] : null,
            end - bestPeak,
            dates is null ? null : dates[end].DayNumber - dates[bestPeak].DayNumber);
    }

    /// <summary>CAGR / |max drawdown|; NaN when there is no drawdown.</summary>
    public static double Calmar(ReadOnlySpan<double> returns, double periodsPerYear)
    {
        var dd = MaxDrawdown(returns).Depth;
        return dd < 0 ? Cagr(returns, periodsPerYear) / -dd : double.NaN;
    }

    /// <summary>The <paramref name="level"/>-quantile of the returns with linear interpolation (numpy's default).</summary>
    public static double ValueAtRisk(ReadOnlySpan<double> returns, double level = 0.05)
    {
        CheckLevel(level);
        if (returns.IsEmpty)
        {
            return double.NaN;
        }

        var sorted = returns.ToArray();
        Array.Sort(sorted);
        return Quantile(sorted, level);
    }

    /// <summary>Mean of the returns at or below <see cref="ValueAtRisk"/>.</summary>
    public static double ConditionalValueAtRisk(ReadOnlySpan<double> returns, double level = 0.05)
    {
        var var = ValueAtRisk(returns, level);
        if (double.IsNaN(var))
        {
            return double.NaN;
        }

        double s = 0;
        var n = 0;
        foreach (var r in returns)
        {
            if (r <= var)
            {
                s += r;
                n++;
            }
        }

        return s / n;
    }

    /// <summary>cov(r, b) / var(b) (the same ddof on both sides, so it cancels). NaN when var(b) is 0.</summary>
    public static double Beta(ReadOnlySpan<double> returns, ReadOnlySpan<double> benchmark)
    {
        if (returns.Length != benchmark.Length)
        {
            throw new ArgumentException($"{returns.Length} returns but {benchmark.Length} benchmark returns", nameof(benchmark));
        }

        var mr = Mean(returns);
        var mb = Mean(benchmark);
        double cov = 0, var = 0;
        for (var i = 0; i < returns.Length; i++)
        {
            var db = benchmark[i] - mb;
            cov += (returns[i] - mr) * db;
            var += db * db;
        }

        return var > 0 ? cov / var : double.NaN;
    }

    /// <summary>(1 + mean(r - rf - β(b - rf)))^periodsPerYear - 1 (empyrical alpha, annualised).</summary>
    public static double Alpha(ReadOnlySpan<double> returns, ReadOnlySpan<double> benchmark, double riskFreePerPeriod, double periodsPerYear)
    {
        Returns.CheckPeriods(periodsPerYear);
        var beta = Beta(returns, benchmark);
        if (double.IsNaN(beta))
        {
            return double.NaN;
        }

        var s = 0.0;
        for (var i = 0; i < returns.Length; i++)
        {
            s += returns[i] - riskFreePerPeriod - beta * (benchmark[i] - riskFreePerPeriod);
        }

        return Math.Pow(1.0 + s / returns.Length, periodsPerYear) - 1.0;
    }

    /// <summary>Fraction of periods with a strictly positive return.</summary>
    public static double HitRate(ReadOnlySpan<double> returns)
    {
        if (returns.IsEmpty)
        {
            return double.NaN;
        }

        var hits = 0;
        foreach (var r in returns)
        {
            if (r > 0)
            {
                hits++;
            }
        }

        return (double)hits / returns.Length;
    }

    /// <summary>½ Σ |after - before|: the one-way turnover (drift) of one rebalance.</summary>
    public static double OneWayTurnover(ReadOnlySpan<double> before, ReadOnlySpan<double> after)
    {
        if (before.Length != after.Length)
        {
            throw new ArgumentException($"{before.Length} weights before but {after.Length} after", nameof(after));
        }

        var s = 0.0;
        for (var i = 0; i < before.Length; i++)
        {
            s += Math.Abs(after[i] - before[i]);
        }

        return 0.5 * s;
    }

    /// <summary>Turnover of a weights history (one row per rebalance, the same assets in every row).</summary>
    public static TurnoverStats Turnover(IReadOnlyList<double[]> weights, double periodsPerYear)
    {
        ArgumentNullException.ThrowIfNull(weights);
        Returns.CheckPeriods(periodsPerYear);
        var total = 0.0;
        for (var i = 1; i < weights.Count; i++)
        {
            total += OneWayTurnover(weights[i - 1], weights[i]);
        }

        var n = Math.Max(0, weights.Count - 1);
        return new TurnoverStats(total, n == 0 ? 0.0 : total / n, n, n == 0 ? double.NaN : total * periodsPerYear / n);
    }

    internal static double Quantile(double[] sorted, double level)
    {
        var pos = level * (sorted.Length - 1);
        var lo = (int)Math.Floor(pos);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    private static (int Best, int Worst) BestWorstIndex(ReadOnlySpan<double> returns)
    {
        int best = 0, worst = 0;
        for (var i = 1; i < returns.Length; i++)
        {
            if (returns[i] > returns[best])
            {
                best = i;
            }

            if (returns[i] < returns[worst])
            {
                worst = i;
            }
        }

        return (best, worst);
    }

    private static double Growth(ReadOnlySpan<double> returns)
    {
        var g = 1.0;
        foreach (var r in returns)
        {
            g *= 1.0 + r;
        }

        return g;
    }

    private static void CheckLevel(double level)
    {
        if (!(level > 0 && level < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "level must be between 0 and 1");
        }
    }
}
