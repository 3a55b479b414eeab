using System.Globalization;
using System.Text.RegularExpressions;
using TreasuryArena.Core.Backtesting;

namespace TreasuryArena.Core.Strategies.Specs;

/// <summary>
/// Validates a <see cref="StrategySpec"/> and turns it into a <see cref="CompiledSpec"/>. Every error names the
/// file, the line and the field, e.g. <c>treasury.yaml line 12: `weights` sums to 1.2, must be 1</c>.
/// Signal types (comparisons are false while an input is unknown):
/// <c>price_above_ma</c> (asset, window: close &gt; SMA), <c>ma_cross</c> (asset, fast, slow: SMA fast &gt; SMA slow),
/// <c>momentum_above</c> (asset, lookback, threshold = 0: return &gt; threshold), <c>momentum_beats</c> (asset,
/// other, lookback: return of asset &gt; return of other), <c>volatility_above</c> (asset, window, threshold),
/// <c>mvrv_z_above</c> / <c>mvrv_z_below</c> (threshold: Z ≥ / &lt; threshold), <c>fear_greed_below</c> /
/// <c>fear_greed_above</c> (threshold: index ≤ / ≥ threshold), <c>rsi_below</c> / <c>rsi_above</c> (asset,
/// period, threshold: RSI &lt; / &gt; threshold).
/// </summary>
public static partial class StrategySpecCompiler
{
    private static readonly string[] KnownAssets = ["BTC", "ETH", BarDataBuilder.Yield];

    private static readonly Dictionary<string, (string[] Required, string[] Optional)> SignalTypes = new(StringComparer.Ordinal)
    {
        ["price_above_ma"] = (["asset", "window"], []),
        ["ma_cross"] = (["asset", "fast", "slow"], []),
        ["momentum_above"] = (["asset", "lookback"], ["threshold"]),
        ["momentum_beats"] = (["asset", "other", "lookback"], []),
        ["volatility_above"] = (["asset", "window", "threshold"], []),
        ["mvrv_z_above"] = (["threshold"], []),
        ["mvrv_z_below"] = (["threshold"], []),
        ["fear_greed_below"] = (["threshold"], []),
        ["fear_greed_above"] = (["threshold"], []),
        ["rsi_below"] = (["asset", "period", "threshold"], []),
        ["rsi_above"] = (["asset", "period", "threshold"], []),
    };

    public static CompiledSpec Compile(StrategySpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var src = spec.SourceName;
        var name = spec.Name.Text;
        if (!KebabCase().IsMatch(name))
        {
            throw Error(src, spec.Name.Line, $"`name` `{name}` must be kebab-case (lower-case words joined by -)");
        }

        if (spec.Assets.Count == 0)
        {
            throw Error(src, spec.Name.Line, "`assets` must list at least one of BTC, ETH, YIELD");
        }

        var assets = new List<string>();
        foreach (var a in spec.Assets)
        {
            var symbol = a.Text.ToUpperInvariant();
            if (!KnownAssets.Contains(symbol))
            {
                throw Error(src, a.Line, $"`assets`: unknown asset `{a.Text}` (known: {string.Join(", ", KnownAssets)})");
            }

            if (assets.Contains(symbol))
            {
                throw Error(src, a.Line, $"`assets`: `{symbol}` is listed twice");
            }

            assets.Add(symbol);
        }

        var parameters = new List<StrategyParameter>();
        foreach (var p in spec.Parameters)
        {
            if (!(p.Min <= p.Default && p.Default <= p.Max))
            {
                throw Error(src, p.Line, Inv($"parameter `{p.Name}`: default {p.Default} is outside min..max {p.Min}..{p.Max}"));
            }

            if (p.WholeNumber && (p.Default != Math.Floor(p.Default) || p.Min != Math.Floor(p.Min) || p.Max != Math.Floor(p.Max)))
            {
                throw Error(src, p.Line, $"parameter `{p.Name}`: an integer parameter needs whole default, min and max");
            }

            parameters.Add(p.WholeNumber
                ? StrategyParameter.WholeNumber(p.Name, p.Description, (int)p.Default, (int)p.Min, (int)p.Max)
                : StrategyParameter.Number(p.Name, p.Description, p.Default, p.Min, p.Max));
        }

        var paramNames = spec.Parameters.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var signalIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in spec.Signals)
        {
            if (!SignalTypes.TryGetValue(s.Type, out var shape))
            {
                throw Error(src, s.Line, $"signal `{s.Id}`: unknown type `{s.Type}` (known: {string.Join(", ", SignalTypes.Keys)})");
            }

            foreach (var required in shape.Required)
            {
                if (!s.Fields.ContainsKey(required))
                {
                    throw Error(src, s.Line, $"signal `{s.Id}` ({s.Type}): missing `{required}`");
                }
            }

            foreach (var (field, value) in s.Fields)
            {
                if (!shape.Required.Contains(field) && !shape.Optional.Contains(field))
                {
                    throw Error(src, value.Line, $"signal `{s.Id}` ({s.Type}): unknown field `{field}` (expected {string.Join(", ", shape.Required.Concat(shape.Optional))})");
                }

                if (field is "asset" or "other")
                {
                    if (!assets.Contains(value.Text.ToUpperInvariant()))
                    {
                        throw Error(src, value.Line, $"signal `{s.Id}`: `{field}` `{value.Text}` is not one of the spec's assets ({string.Join(", ", assets)})");
                    }
                }
                else
                {
                    CheckNumber(src, value, field, paramNames);
                }
            }

            signalIds.Add(s.Id);
        }

        if (spec.Rules.Count == 0)
        {
            throw Error(src, spec.RulesLine, "`rules` must have at least one rule");
        }

        for (var i = 0; i < spec.Rules.Count; i++)
        {
            var r = spec.Rules[i];
            foreach (var w in r.When)
            {
                var id = SignalId(w.Text, out _);
                if (!signalIds.Contains(id))
                {
                    throw Error(src, w.Line, $"`when`: unknown signal `{id}` (defined: {(signalIds.Count == 0 ? "none" : string.Join(", ", signalIds))})");
                }
            }

            if (i == spec.Rules.Count - 1 && r.When.Count > 0)
            {
                throw Error(src, r.Line, "the last rule must have no `when`, so every bar gets target weights");
            }

            if (r.Weights.Count == 0)
            {
                throw Error(src, r.WeightsLine, "`weights` is empty");
            }

            foreach (var (asset, value) in r.Weights)
            {
                if (!assets.Contains(asset.ToUpperInvariant()))
                {
                    throw Error(src, value.Line, $"`weights`: `{asset}` is not one of the spec's assets ({string.Join(", ", assets)})");
                }

                CheckNumber(src, value, "weights", paramNames);
            }
        }

        var rb = spec.Rebalance;
        if (rb?.Calendar is { } cal && !Enum.TryParse<RebalanceCalendar>(cal.Text, ignoreCase: true, out _))
        {
            throw Error(src, cal.Line, $"`calendar` `{cal.Text}` is not one of none, daily, weekly, monthly, quarterly");
        }

        foreach (var (field, value) in new[] { ("drift", rb?.Drift), ("min_trade", rb?.MinTrade), ("fee_bps", spec.FeeBps), ("slippage_bps", spec.SlippageBps) })
        {
            if (value is not null)
            {
                CheckNumber(src, value, field, paramNames);
            }
        }

        var fee = spec.FeeBps is null ? (double?)null : Literal(src, spec.FeeBps, "fee_bps", 0, 10_000);
        var slippage = spec.SlippageBps is null ? (double?)null : Literal(src, spec.SlippageBps, "slippage_bps", 0, 10_000);

        var definition = new StrategyDefinition(name, spec.Description, spec.Reference, parameters, args => Build(spec, assets, args));

        // Build once with the defaults so every error shows at load time, not at the first run.
        definition.Create();
        return new CompiledSpec(definition, fee, slippage);
    }

    private static KernelStrategy Build(StrategySpec spec, List<string> assets, StrategyArguments args)
    {
        var src = spec.SourceName;
        double Num(SpecScalar v, string field) => Resolve(src, v, field, args);

        var rules = new List<(int[] Conditions, bool[] Negated, string[] Assets, double[] Weights)>();
        var signalIndex = spec.Signals.Select((s, i) => (s.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        foreach (var r in spec.Rules)
        {
            var ws = r.Weights.Select(kv => (Asset: kv.Key.ToUpperInvariant(), Weight: Num(kv.Value, "weights"))).ToArray();
            foreach (var (key, value) in r.Weights)
            {
                var w = Num(value, "weights");
                if (!(w >= 0 && w <= 1))
                {
                    throw StrategyException.BadParameter($"{src} line {value.Line}: weight of `{key}` is {Inv($"{w}")}, must be between 0 and 1");
                }
            }

            var sum = ws.Sum(x => x.Weight);
            if (Math.Abs(sum - 1) > 1e-9)
            {
                throw StrategyException.BadParameter($"{src} line {r.WeightsLine}: `weights` sums to {sum.ToString("0.######", CultureInfo.InvariantCulture)}, must be 1");
            }

            var conditions = r.When.Select(w => signalIndex[SignalId(w.Text, out _)]).ToArray();
            var negated = r.When.Select(w => { SignalId(w.Text, out var neg); return neg; }).ToArray();
            rules.Add((conditions, negated, ws.Select(x => x.Asset).ToArray(), ws.Select(x => x.Weight).ToArray()));
        }

        var warmup = 0;
        var aux = new List<string>();
        foreach (var s in spec.Signals)
        {
            foreach (var (field, value) in s.Fields)
            {
                if (field is "window" or "slow" or "lookback" or "period" or "fast")
                {
                    var n = Num(value, field);
                    if (n < 1 || n != Math.Floor(n))
                    {
                        throw StrategyException.BadParameter($"{src} line {value.Line}: `{field}` must be a whole number of bars ≥ 1, got {Inv($"{n}")}");
                    }

                    warmup = Math.Max(warmup, (int)n + (field == "period" || (field == "window" && s.Type == "volatility_above") ? 1 : 0));
                }
            }

            if (s.Type.StartsWith("mvrv", StringComparison.Ordinal) && !aux.Contains(AuxSeries.MvrvZ))
            {
                aux.Add(AuxSeries.MvrvZ);
            }

            if (s.Type.StartsWith("fear_greed", StringComparison.Ordinal) && !aux.Contains(AuxSeries.FearGreed))
            {
                aux.Add(AuxSeries.FearGreed);
            }
        }

        var rb = spec.Rebalance;
        var drift = rb?.Drift is { } d ? Num(d, "drift") : 0;
        var policy = new RebalancePolicy
        {
            Calendar = rb?.Calendar is { } c ? Enum.Parse<RebalanceCalendar>(c.Text, ignoreCase: true) : RebalanceCalendar.None,
            DriftThreshold = drift > 0 ? drift : null,
            OnSignal = rb?.OnSignal ?? false,
            MinTradeFraction = rb?.MinTrade is { } m ? Num(m, "min_trade") : 0,
        };

        // Price-type signals use the first window of their kind; MA signals in the library use windows ≥ 1 bar.
        if (spec.Signals.Any(s => s.Type == "ma_cross" && Num(s.Fields["fast"], "fast") >= Num(s.Fields["slow"], "slow")))
        {
            var bad = spec.Signals.First(s => s.Type == "ma_cross" && Num(s.Fields["fast"], "fast") >= Num(s.Fields["slow"], "slow"));
            throw StrategyException.BadParameter($"{src} line {bad.Line}: signal `{bad.Id}`: `fast` must be shorter than `slow`");
        }

        return new KernelStrategy(spec.Name.Text, assets, aux, policy, warmup, args.Values, ind =>
        {
            var signals = spec.Signals.Select(s => Evaluator(s, ind, f => Num(s.Fields[f], f))).ToArray();
            var compiled = rules.Select(r => (r.Conditions, r.Negated, Index: r.Assets.Select(ind.AssetIndex).ToArray(), r.Weights)).ToArray();
            return new FuncKernel((view, target) =>
            {
                foreach (var (conditions, negated, index, weights) in compiled)
                {
                    var match = true;
                    for (var i = 0; i < conditions.Length && match; i++)
                    {
                        match = signals[conditions[i]].Evaluate(view) != negated[i];
                    }

                    if (!match)
                    {
                        continue;
                    }

                    for (var i = 0; i < index.Length; i++)
                    {
                        target[index[i]] = weights[i];
                    }

                    return;
                }
            });
        });
    }

    private static SignalEvaluator Evaluator(SpecSignal s, IndicatorSet ind, Func<string, double> num)
    {
        string Asset(string f) => s.Fields[f].Text.ToUpperInvariant();
        int N(string f) => (int)num(f);
        double Threshold() => s.Fields.ContainsKey("threshold") ? num("threshold") : 0;
        return s.Type switch
        {
            "price_above_ma" => new SignalEvaluator(ind.Close(Asset("asset")), ind.Sma(Asset("asset"), N("window")), 0, SignalComparison.Greater),
            "ma_cross" => new SignalEvaluator(ind.Sma(Asset("asset"), N("fast")), ind.Sma(Asset("asset"), N("slow")), 0, SignalComparison.Greater),
            "momentum_above" => new SignalEvaluator(ind.Momentum(Asset("asset"), N("lookback")), null, Threshold(), SignalComparison.Greater),
            "momentum_beats" => new SignalEvaluator(ind.Momentum(Asset("asset"), N("lookback")), ind.Momentum(Asset("other"), N("lookback")), 0, SignalComparison.Greater),
            "volatility_above" => new SignalEvaluator(ind.Volatility(Asset("asset"), Math.Max(2, N("window"))), null, Threshold(), SignalComparison.Greater),
            "mvrv_z_above" => new SignalEvaluator(ind.Aux(AuxSeries.MvrvZ), null, Threshold(), SignalComparison.GreaterOrEqual),
            "mvrv_z_below" => new SignalEvaluator(ind.Aux(AuxSeries.MvrvZ), null, Threshold(), SignalComparison.Less),
            "fear_greed_below" => new SignalEvaluator(ind.Aux(AuxSeries.FearGreed), null, Threshold(), SignalComparison.LessOrEqual),
            "fear_greed_above" => new SignalEvaluator(ind.Aux(AuxSeries.FearGreed), null, Threshold(), SignalComparison.GreaterOrEqual),
            "rsi_below" => new SignalEvaluator(ind.Rsi(Asset("asset"), N("period")), null, Threshold(), SignalComparison.Less),
            "rsi_above" => new SignalEvaluator(ind.Rsi(Asset("asset"), N("period")), null, Threshold(), SignalComparison.Greater),
            _ => throw new InvalidOperationException($"unknown signal type {s.Type}"),
        };
    }

    private static string SignalId(string text, out bool negated)
    {
        var t = text.Trim();
        negated = t.StartsWith('!') || t.StartsWith("not ", StringComparison.OrdinalIgnoreCase);
        return negated ? (t.StartsWith('!') ? t[1..] : t[4..]).Trim() : t;
    }

    private static void CheckNumber(string src, SpecScalar value, string field, HashSet<string> parameters)
    {
        if (value.Text.StartsWith('$'))
        {
            if (!parameters.Contains(value.Text[1..]))
            {
                throw Error(src, value.Line, $"`{field}` refers to `{value.Text}`, but there is no parameter `{value.Text[1..]}`");
            }

            return;
        }

        if (!double.TryParse(value.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
        {
            throw Error(src, value.Line, $"`{field}` = `{value.Text}` is not a number");
        }
    }

    private static double Literal(string src, SpecScalar value, string field, double min, double max)
    {
        if (!double.TryParse(value.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || v < min || v > max)
        {
            throw Error(src, value.Line, Inv($"`{field}` = `{value.Text}` must be a number between {min} and {max}"));
        }

        return v;
    }

    private static double Resolve(string src, SpecScalar value, string field, StrategyArguments args)
    {
        if (value.Text.StartsWith('$'))
        {
            return args.Number(value.Text[1..]);
        }

        return double.TryParse(value.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw Error(src, value.Line, $"`{field}` = `{value.Text}` is not a number");
    }

    private static StrategyException Error(string src, int line, string message) => StrategyException.InvalidSpec($"{src} line {line}: {message}");

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex KebabCase();
}
