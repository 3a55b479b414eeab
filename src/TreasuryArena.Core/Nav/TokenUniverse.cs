using System.Globalization;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.MarketData;
using TreasuryArena.Core.Quant;
using TreasuryArena.Core.Wallets.Optimization;

namespace TreasuryArena.Core.Nav;

/// <summary>
/// The token analytics of one optimizer run, computed once and shared by every wallet: each token's return,
/// volatility, Sharpe (over the T-bill, under <see cref="RatioRules"/> with 90 returns: null when undefined), max
/// drawdown and volatile share (volatility over BTC's on the same days, capped at 1) over the lookback (quant library,
/// 365 periods a year); the expected returns (each token's arithmetic mean over up to <c>ReturnLookbackDays</c> of NAVs,
/// shrunk toward the cross-sectional mean by James–Stein, <see cref="ExpectedReturns.ShrinkTowardMean"/>, with a
/// minimum-variance fallback when the shrinkage reaches <c>FallbackShrinkage</c> or fewer than 4 tokens have metrics);
/// and the Ledoit–Wolf shrunk covariance of the daily NAV returns over the lookback (90 observations of up to 50 tokens
/// make a sample covariance too noisy to optimise on). Targets are <see cref="RiskLimitedAllocation"/>: efficient risk
/// with a cash remainder under a tolerance's limits. The same expected returns value every rebalance (<see cref="Evaluate"/>).
/// This is the analytics → decimal boundary of the wallet side: every figure leaves here rounded to 6 decimals.
/// </summary>
public sealed class TokenUniverse : ITokenUniverse
{
    private const double PeriodsPerYear = 365;

    private readonly string[] _assets;
    private readonly Dictionary<string, int> _index;
    private readonly double[] _mu;
    private readonly double[] _cov;
    private readonly double _rf;

    private TokenUniverse(DateOnly asOf, string[] assets, double[] mu, double[] cov, double rf, string riskFree, Dictionary<string, TokenMetrics> tokens, IReadOnlyList<string> notes)
    {
        AsOf = asOf;
        RiskFree = riskFree;
        RiskFreeRate = D(rf);
        _assets = assets;
        _index = assets.Select((a, i) => (a, i)).ToDictionary(x => x.a, x => x.i, StringComparer.Ordinal);
        _mu = mu;
        _cov = cov;
        _rf = rf;
        Tokens = tokens;
        Notes = notes;
    }

    public DateOnly AsOf { get; }

    /// <summary>Which risk-free rate the Sharpe ratios and max Sharpe use (<c>tbill-3m</c> or <c>none</c>).</summary>
    public string RiskFree { get; }

    /// <summary>Its average over the lookback, annualised (× 365 of the daily simple rate).</summary>
    public decimal RiskFreeRate { get; }

    public IReadOnlyDictionary<string, TokenMetrics> Tokens { get; }

    /// <summary>What was left out and why (too little history, covariance repair).</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>How the expected returns were estimated, in words (and the fallback when the evidence is weak).</summary>
    public string ExpectedReturnsMethod { get; private init; } = "no tokens";

    /// <summary>True when the shrinkage intensity reaches the fallback level or fewer than 4 tokens have metrics.</summary>
    public bool WeakEvidence { get; private init; } = true;

    /// <summary>The shrinkage estimate behind the expected returns (null when no token has metrics).</summary>
    public ShrunkReturns? Shrinkage { get; private init; }

    /// <summary>The volatile-crypto reference volatility the tokens' volatile shares divide by (annual).</summary>
    public decimal ReferenceVolatilityUsed { get; private init; }

    /// <summary>
    /// Builds the universe from NAV histories (ascending rows; only those on or before <paramref name="asOf"/> count).
    /// <paramref name="quotes"/> gives each token's current NAV and whether it may be bought.
    /// </summary>
    public static TokenUniverse Build(
        DateOnly asOf,
        IReadOnlyDictionary<string, IReadOnlyList<NavHistoryRow>> histories,
        IReadOnlyDictionary<string, (decimal Nav, bool Buyable)> quotes,
        TokenUniverseOptions options)
    {
        ArgumentNullException.ThrowIfNull(histories);
        ArgumentNullException.ThrowIfNull(quotes);
        ArgumentNullException.ThrowIfNull(options);
        var first = asOf.AddDays(-options.LookbackDays);
        var notes = new List<string>();
        var series = new List<TimeSeries>();
        foreach (var (symbol, rows) in histories.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var window = rows.Where(r => r.Date >= first && r.Date <= asOf).ToList();
            if (window.Count < options.LookbackDays + 1 || window[0].Date != first || window[^1].Date != asOf || !quotes.ContainsKey(symbol))
            {
                notes.Add(string.Create(CultureInfo.InvariantCulture, $"{symbol}: {window.Count} NAVs in the {options.LookbackDays}-day lookback to {asOf:yyyy-MM-dd}, a full window is needed"));
                continue;
            }

            series.Add(new TimeSeries(symbol, window.Select(r => r.Date).ToArray(), window.Select(r => AnalyticsBoundary.ToDouble(r.Nav)).ToArray()));
        }

        // The risk-free rate of each day of the lookback, as known on the day before (causal: nothing after asOf).
        var curve = options.RiskFree ?? RiskFreeCurve.None;
        var lookbackDates = Enumerable.Range(0, options.LookbackDays + 1).Select(first.AddDays).ToList();
        var rfDaily = curve.PerPeriod(lookbackDates);
        var rf = RiskFreeCurve.Annualised(rfDaily, PeriodsPerYear);
        if (series.Count == 0)
        {
            return new TokenUniverse(asOf, [], [], [], rf, curve.Name, new Dictionary<string, TokenMetrics>(StringComparer.Ordinal), notes);
        }

        var returns = PriceTable.FromSeries(series).ToReturns();
        var assets = returns.Assets.ToArray();

        // Expected returns: each token's mean over up to ReturnLookbackDays of its history, shrunk toward the
        // cross-sectional mean (James–Stein); the covariance and the filter metrics stay on the lookback.
        var longFirst = asOf.AddDays(-Math.Max(options.ReturnLookbackDays, options.LookbackDays));
        var longSeries = assets.Select(a =>
        {
            var rows = histories[a].Where(r => r.Date >= longFirst && r.Date <= asOf).ToList();
            return new TimeSeries(a, rows.Select(r => r.Date).ToArray(), rows.Select(r => AnalyticsBoundary.ToDouble(r.Nav)).ToArray());
        }).ToList();
        var shrunk = ExpectedReturns.ShrinkTowardMean(PriceTable.FromSeries(longSeries).ToReturns(), PeriodsPerYear);
        var mu = shrunk.Values;
        var weak = assets.Length < 4 || shrunk.Intensity >= options.FallbackShrinkage;
        var days = shrunk.MinObservations == shrunk.MaxObservations
            ? string.Create(CultureInfo.InvariantCulture, $"{shrunk.MaxObservations}-day")
            : string.Create(CultureInfo.InvariantCulture, $"{shrunk.MinObservations}–{shrunk.MaxObservations}-day");
        var method = string.Create(CultureInfo.InvariantCulture,
            $"{days} mean shrunk {shrunk.Intensity:0%} toward the cross-sectional mean {shrunk.Prior:0.0%}/yr (James–Stein, {assets.Length} tokens)");
        if (weak)
        {
            method += assets.Length < 4
                ? string.Create(CultureInfo.InvariantCulture, $"; fallback: minimum variance ({assets.Length} tokens are too few to tell their returns apart)")
                : string.Create(CultureInfo.InvariantCulture, $"; fallback: minimum variance (shrinkage {shrunk.Intensity:0%} ≥ {options.FallbackShrinkage:0%}: the history does not tell the tokens' returns apart)");
        }

        var cov = assets.Length > 1 ? RiskModels.LedoitWolf(returns, ShrinkageTarget.ConstantVariance, PeriodsPerYear) : RiskModels.Sample(returns, PeriodsPerYear);
        notes.AddRange(cov.Notes);
        var referenceVol = ReferenceVolatility(options, first, asOf);
        var mean90 = ExpectedReturns.MeanHistorical(returns, compounding: false, frequency: PeriodsPerYear);
        var tokens = new Dictionary<string, TokenMetrics>(StringComparer.Ordinal);
        for (var i = 0; i < assets.Length; i++)
        {
            var r = returns.Column(i);
            var (nav, buyable) = quotes[assets[i]];
            var vol = PerformanceMetrics.AnnualVolatility(r, PeriodsPerYear);
            tokens[assets[i]] = new TokenMetrics(
                assets[i],
                nav,
                buyable,
                D(mean90[i]),
                D(vol),
                RatioRules.Sharpe(r, r.Length == rfDaily.Length ? rfDaily : [], PeriodsPerYear, RatioRules.MinObservationsToDecide).Value is { } sharpe ? AnalyticsBoundary.ToMetric(sharpe) : null,
                D(-PerformanceMetrics.MaxDrawdown(r).Depth),
                r.Length)
            {
                ExpectedReturn = D(mu[i]),
                SampleMeanReturn = D(shrunk.SampleMeans[i]),
                ReturnObservations = longSeries[i].Count - 1,
                VolatileShare = D(Math.Clamp(vol / referenceVol, 0, 1)),
            };
        }

        return new TokenUniverse(asOf, assets, mu, cov.Values.ToArray(), rf, curve.Name, tokens, notes) { ExpectedReturnsMethod = method, WeakEvidence = weak, Shrinkage = shrunk, ReferenceVolatilityUsed = D(referenceVol) };
    }

    public AllocationSolution MaxSharpe(IReadOnlyList<string> symbols, decimal maxWeight)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        var idx = symbols.Select(s => _index.TryGetValue(s, out var i) ? i : throw new ArgumentException($"{s} is not in the universe", nameof(symbols))).ToArray();
        var n = idx.Length;
        var mu = idx.Select(i => _mu[i]).ToArray();
        var cov = new double[n * n];
        for (var a = 0; a < n; a++)
        {
            for (var b = 0; b < n; b++)
            {
                cov[(a * n) + b] = _cov[(idx[a] * _assets.Length) + idx[b]];
            }
        }

        try
        {
            var result = PortfolioOptimizer.MaxSharpe(new PortfolioInput(symbols, mu, cov), _rf, new PortfolioConstraints { MaxWeight = AnalyticsBoundary.ToDouble(maxWeight) });
            var weights = new Dictionary<string, decimal>(StringComparer.Ordinal);
            for (var i = 0; i < n; i++)
            {
                var w = RoundingPolicy.WeightDown(AnalyticsBoundary.ToDecimal(Math.Clamp(result.Weights[i], 0, AnalyticsBoundary.ToDouble(maxWeight))));
                if (w > 0m)
                {
                    weights[symbols[i]] = w;
                }
            }

            return new AllocationSolution(true, weights, Evaluate(weights), string.Create(CultureInfo.InvariantCulture,
                $"max Sharpe solved in {result.Iterations} iterations, residual {result.Residual:0.0e0}"));
        }
        catch (QuantException ex)
        {
            return new AllocationSolution(false, new Dictionary<string, decimal>(), PortfolioExpectation.AllCash, ex.Message);
        }
    }

    public AllocationSolution Allocate(AllocationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var symbols = request.Symbols;
        var idx = symbols.Select(s => _index.TryGetValue(s, out var i) ? i : throw new ArgumentException($"{s} is not in the universe", nameof(request))).ToArray();
        var n = idx.Length;
        if (n == 0)
        {
            return new AllocationSolution(true, new Dictionary<string, decimal>(), PortfolioExpectation.AllCash, "no candidates") { Objective = WeakEvidence ? "min_variance" : "efficient_risk" };
        }

        var mu = idx.Select(i => _mu[i]).ToArray();
        var cov = new double[n * n];
        for (var a = 0; a < n; a++)
        {
            for (var b = 0; b < n; b++)
            {
                cov[(a * n) + b] = _cov[(idx[a] * _assets.Length) + idx[b]];
            }
        }

        var upper = symbols.Select(s => AnalyticsBoundary.ToDouble(request.UpperBounds[s])).ToArray();
        var exposure = symbols.Select(s => AnalyticsBoundary.ToDouble(Tokens[s].VolatileShare)).ToArray();
        try
        {
            var result = RiskLimitedAllocation.Solve(new PortfolioInput(symbols, mu, cov), upper, exposure,
                AnalyticsBoundary.ToDouble(request.VolatilityCeiling), AnalyticsBoundary.ToDouble(request.VolatileShareCap), minimumVariance: WeakEvidence,
                investedCap: AnalyticsBoundary.ToDouble(request.MaxInvested),
                lower: request.LowerBounds is { } lb ? [.. symbols.Select(s => AnalyticsBoundary.ToDouble(lb.GetValueOrDefault(s)))] : null);
            var weights = new Dictionary<string, decimal>(StringComparer.Ordinal);
            for (var i = 0; i < n; i++)
            {
                var w = RoundingPolicy.WeightDown(AnalyticsBoundary.ToDecimal(result.Weights[i]));
                if (w > 0m)
                {
                    weights[symbols[i]] = Math.Min(w, request.UpperBounds[symbols[i]]);
                }
            }

            // Rounding each weight down keeps every cap; an invested cap is kept the same way (weights only shrink).
            if (request.MaxInvested is { } invested && weights.Values.Sum() > invested)
            {
                var scale = invested / weights.Values.Sum();
                foreach (var k in weights.Keys.ToList())
                {
                    weights[k] = RoundingPolicy.WeightDown(weights[k] * scale);
                }
            }

            var objective = WeakEvidence ? "min_variance" : "efficient_risk";
            return new AllocationSolution(true, weights, Evaluate(weights), string.Create(CultureInfo.InvariantCulture,
                $"{objective} solved in {result.Iterations} iterations"))
            {
                Objective = objective,
                CeilingBinds = result.CeilingBinds,
                VolatileShareBinds = result.ExposureBinds,
                VolatileShare = D(result.Exposure),
            };
        }
        catch (QuantException ex)
        {
            return new AllocationSolution(false, new Dictionary<string, decimal>(), PortfolioExpectation.AllCash, ex.Message);
        }
    }

    public PortfolioExpectation Evaluate(IReadOnlyDictionary<string, decimal> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var n = _assets.Length;
        var w = new double[n];
        foreach (var (symbol, weight) in weights)
        {
            if (_index.TryGetValue(symbol, out var i))
            {
                w[i] = AnalyticsBoundary.ToDouble(weight);
            }
        }

        var ret = 0.0;
        var variance = 0.0;
        for (var i = 0; i < n; i++)
        {
            ret += w[i] * _mu[i];
            for (var j = 0; j < n; j++)
            {
                variance += w[i] * _cov[(i * n) + j] * w[j];
            }
        }

        var vol = Math.Sqrt(Math.Max(variance, 0));
        var sharpe = RatioRules.ExpectedSharpe(ret - (_rf * w.Sum()), vol) is { } s ? AnalyticsBoundary.ToMetric(s) : null;
        return new PortfolioExpectation(D(ret), D(vol), sharpe);
    }

    private static decimal D(double value) => AnalyticsBoundary.ToMetric(value) ?? 0m;

    /// <summary>The reference's annual volatility over the lookback's days (simple daily returns between consecutive closes).</summary>
    private static double ReferenceVolatility(TokenUniverseOptions options, DateOnly first, DateOnly asOf)
    {
        if (options.VolatileReference is not { } reference)
        {
            return options.ReferenceVolatility;
        }

        var returns = new List<double>();
        var dates = reference.Dates;
        for (var i = 1; i < reference.Count; i++)
        {
            if (dates[i - 1] >= first && dates[i] <= asOf && reference.ValueAt(i - 1) > 0)
            {
                returns.Add((reference.ValueAt(i) / reference.ValueAt(i - 1)) - 1);
            }
        }

        var vol = returns.Count >= RatioRules.MinObservations ? PerformanceMetrics.AnnualVolatility(returns.ToArray(), PeriodsPerYear) : double.NaN;
        return vol > 0 ? vol : options.ReferenceVolatility;
    }
}
