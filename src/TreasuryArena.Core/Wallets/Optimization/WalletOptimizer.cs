using System.Collections.Concurrent;
using System.Globalization;

namespace TreasuryArena.Core.Wallets.Optimization;

/// <summary>
/// Recommends an allocation for wallets over one <see cref="ITokenUniverse"/> (metrics and covariance computed once
/// per run). Target weights depend only on the wallet's risk filter and its plan's token limit, so they are solved
/// once per distinct pair and shared; only the orders are per wallet. Thread-safe.
/// <para>Targets: the tokens the filter admits (buyable only), max Sharpe with every weight ≤ <c>MaxWeight</c>,
/// fully invested when at least <c>MinHoldings</c> qualify. With fewer (or a plan that allows fewer), the max-Sharpe
/// mix of those tokens is scaled down until its largest weight meets the cap and the rest stays in cash — the
/// recommendation says so; there is no equal-weight fallback. A plan limit below the number of tokens the solution
/// uses keeps the largest weights and re-solves over them.</para>
/// <para>Worth it: the expected benefit is the change in certainty equivalent (μ − λσ²/2) times the wallet value
/// over the benefit horizon; a rebalance whose benefit does not exceed its fees is not proposed.</para>
/// </summary>
public sealed class WalletOptimizer(ITokenUniverse universe, WalletOptimizerOptions options)
{
    private readonly ConcurrentDictionary<(RiskFilterRule Filter, int? MaxTokens), TargetAllocation> _targets = new();

    public ITokenUniverse Universe => universe;

    public WalletOptimizerOptions Options => options;

    /// <summary>The target allocation for a filter and token limit (cached for the run).</summary>
    public TargetAllocation Target(RiskFilterRule filter, int? maxTokens) =>
        _targets.GetOrAdd((filter, maxTokens), key => Solve(key.Filter, key.MaxTokens));

    public WalletRecommendation Recommend(WalletSnapshot wallet)
    {
        ArgumentNullException.ThrowIfNull(wallet);
        var target = Target(wallet.Filter, wallet.MaxTokens);
        var notes = new List<string>(target.Notes);
        var current = wallet.Weights();
        var value = wallet.Value;
        var asOf = universe.AsOf;
        if (value <= 0m)
        {
            notes.Add("The wallet holds nothing, so there is nothing to allocate.");
            return new WalletRecommendation(wallet.Address, asOf, current, target.Weights, OrderPlan.Empty(wallet.Cash),
                PortfolioExpectation.AllCash, PortfolioExpectation.AllCash, 0m, 0m, 0m, false, false, notes);
        }

        var navs = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var p in wallet.Positions)
        {
            navs[p.Symbol] = p.Nav;
        }

        foreach (var symbol in target.Weights.Keys)
        {
            navs[symbol] = universe.Tokens[symbol].Nav;
        }

        var unknown = wallet.Positions.Where(p => p.Shares > 0m && !universe.Tokens.ContainsKey(p.Symbol)).Select(p => p.Symbol).ToList();
        if (unknown.Count > 0)
        {
            notes.Add($"{string.Join(", ", unknown)} {(unknown.Count == 1 ? "has" : "have")} too little history for metrics and {(unknown.Count == 1 ? "is" : "are")} valued as cash in the expectations.");
        }

        var before = universe.Evaluate(current);
        var drift = Drift.Between(current, target.Weights);
        var due = DueReason(wallet.LastRebalance, asOf, drift, out var dueText);

        // Costs before trades: the full rebalance and, when positions sit inside the no-trade band, the band plan that
        // leaves them alone; each valued with the universe's own expectations (the estimates the targets were solved
        // with) and kept only when its benefit reaches the multiple of its fees. The one that nets most is chosen.
        var candidates = new List<Candidate> { Price("full", target.Weights, null) };
        if (Banded(current, target.Weights, out var kept) is { } banded)
        {
            candidates.Add(Price("band", banded, kept));
        }

        var passing = candidates.Where(c => c.Plan.Orders.Count > 0 && c.Benefit >= c.Required).ToList();
        var chosen = passing.Count > 0 ? passing.MaxBy(c => c.Benefit - c.Plan.EstimatedFees)! : candidates[0];
        var plan = chosen.Plan;
        var after = chosen.After;
        var cost = plan.EstimatedFees;
        var benefit = chosen.Benefit;
        var driftOk = drift >= options.MinRebalanceDrift;
        var worthwhile = plan.Orders.Count > 0 && benefit >= chosen.Required && driftOk;

        notes.Add(Format($"Expected annual return {before.ExpectedReturn:P1} → {after.ExpectedReturn:P1}, volatility {before.Volatility:P1} → {after.Volatility:P1}, Sharpe {Ratio(before.Sharpe)} → {Ratio(after.Sharpe)}."));
        notes.Add(dueText);
        var margin = Format($"costs before trades: a rebalance needs drift of at least {options.MinRebalanceDrift:P0} and an expected benefit over {options.BenefitHorizonDays} days of at least {options.BenefitCostMultiple:0.##} × its fees");
        if (plan.Orders.Count == 0)
        {
            notes.Add("No order reaches the minimum trade size, so nothing needs to trade.");
        }
        else if (!driftOk)
        {
            notes.Add(Format($"Held: drift is {drift:P1}, below the minimum ({margin}), so nothing trades."));
        }
        else if (!worthwhile)
        {
            notes.Add(Format($"Held: the {plan.Orders.Count} orders would cost about ${cost:N2} in fees against an expected benefit of ${benefit:N2}, less than the ${chosen.Required:N2} required ({margin})."));
        }
        else
        {
            var how = chosen.Name == "band"
                ? Format($"only the positions more than {options.NoTradeBand:P0} points from target (or above the cap) trade, which nets ${benefit - cost:N2} against ${candidates[0].Benefit - candidates[0].Plan.EstimatedFees:N2} for the full rebalance")
                : "every position moves to its target";
            notes.Add(Format($"Trades: the {plan.Orders.Count} orders (sells first; {how}) cost about ${cost:N2} in fees against an expected benefit of ${benefit:N2}, above the ${chosen.Required:N2} required ({margin})."));
        }

        return new WalletRecommendation(wallet.Address, asOf, current, target.Weights, plan, before, after, drift, cost, benefit, due, worthwhile, notes)
        {
            Method = chosen.Name,
            RequiredBenefit = chosen.Required,
        };

        Candidate Price(string name, IReadOnlyDictionary<string, decimal> weights, IReadOnlySet<string>? untouched)
        {
            var p = OrderPlanner.Plan(wallet.Cash, wallet.Positions, weights, navs, options.Sizing, untouched);
            var expected = universe.Evaluate(weights);
            var gain = RoundCents(value * options.BenefitHorizonDays / 365m * (CertaintyEquivalent(expected) - CertaintyEquivalent(before)));
            return new Candidate(name, p, expected, gain, RoundCents(p.EstimatedFees * options.BenefitCostMultiple));
        }
    }

    /// <summary>
    /// The band plan's weights: a position within <see cref="WalletOptimizerOptions.NoTradeBand"/> of its target and not
    /// above the cap keeps its current weight; every other position moves to its target, scaled down when the kept
    /// positions leave less than their targets' room. Null when the band is off or keeps nothing.
    /// </summary>
    private Dictionary<string, decimal>? Banded(IReadOnlyDictionary<string, decimal> current, IReadOnlyDictionary<string, decimal> target, out HashSet<string> untouched)
    {
        untouched = new HashSet<string>(StringComparer.Ordinal);
        if (options.NoTradeBand <= 0m)
        {
            return null;
        }

        var kept = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var moved = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var symbol in current.Keys.Union(target.Keys, StringComparer.Ordinal))
        {
            var w = current.GetValueOrDefault(symbol);
            var t = target.GetValueOrDefault(symbol);
            if (w > 0m && t > 0m && Math.Abs(w - t) <= options.NoTradeBand && w <= options.MaxWeight)
            {
                kept[symbol] = w;
            }
            else if (t > 0m)
            {
                moved[symbol] = t;
            }
        }

        if (kept.Count == 0)
        {
            return null;
        }

        untouched.UnionWith(kept.Keys);
        var room = 1m - kept.Values.Sum();
        var wanted = moved.Values.Sum();
        var scale = wanted > room && wanted > 0m ? Math.Max(0m, room) / wanted : 1m;
        foreach (var (symbol, t) in moved)
        {
            kept[symbol] = Math.Round(t * scale, 6, MidpointRounding.ToZero);
        }

        return kept;
    }

    private sealed record Candidate(string Name, OrderPlan Plan, PortfolioExpectation After, decimal Benefit, decimal Required);


    private bool DueReason(DateOnly? last, DateOnly asOf, decimal drift, out string text)
    {
        if (last is not { } l)
        {
            text = "The wallet has never been rebalanced, so a rebalance is due.";
            return true;
        }

        var days = asOf.DayNumber - l.DayNumber;
        if (drift > options.DriftThreshold)
        {
            text = Format($"Drift from the target is {drift:P1}, above the {options.DriftThreshold:P0} threshold, so a rebalance is due.");
            return true;
        }

        if (days >= options.CalendarDays)
        {
            text = Format($"The last rebalance was {days} days ago, so the weekly rebalance is due.");
            return true;
        }

        text = Format($"Not due: the last rebalance was {days} days ago and drift is {drift:P1} (threshold {options.DriftThreshold:P0}).");
        return false;
    }

    private static string Ratio(decimal? value) => value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "—";

    private decimal CertaintyEquivalent(PortfolioExpectation e) =>
        e.ExpectedReturn - (options.RiskAversion * e.Volatility * e.Volatility / 2m);

    private TargetAllocation Solve(RiskFilterRule filter, int? maxTokens)
    {
        var notes = new List<string>();
        var all = universe.Tokens.Values;
        var qualifying = all.Where(t => t.Buyable && filter.Admits(t))
            .OrderByDescending(t => t.Sharpe).ThenBy(t => t.Symbol, StringComparer.Ordinal)
            .Select(t => t.Symbol).ToList();
        notes.Add(Format($"{qualifying.Count} of {universe.Tokens.Count} tokens with {options.LookbackDays}-day metrics are buyable and pass the filter ({filter.Describe()}; Sharpe over {universe.RiskFree}, {universe.RiskFreeRate:P2} a year on average)."));
        var undefined = all.Where(t => t.Sharpe is null).Select(t => t.Symbol).Order(StringComparer.Ordinal).ToList();
        if (undefined.Count > 0)
        {
            notes.Add($"Sharpe undefined (under 90 returns, or volatility of excess returns below 0.5% a year), so not eligible: {string.Join(", ", undefined)}.");
        }

        if (qualifying.Count == 0)
        {
            notes.Add("With no qualifying token, everything stays in cash.");
            return new TargetAllocation(new Dictionary<string, decimal>(), false, notes);
        }

        var limit = maxTokens ?? int.MaxValue;
        var candidates = qualifying;
        if (candidates.Count > limit)
        {
            // Solve over everything first, then keep the plan's number of largest weights.
            var wide = SolveCapped(candidates, notes: null);
            candidates = (wide.Feasible ? wide.Weights : new Dictionary<string, decimal>())
                .OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal)
                .Select(kv => kv.Key).Concat(qualifying).Distinct(StringComparer.Ordinal).Take(limit).ToList();
            notes.Add(Format($"The organisation's plan allows at most {limit} tokens, so the allocation uses the {limit} that weigh most in the unrestricted solution ({string.Join(", ", candidates)})."));
        }

        var solution = SolveCapped(candidates, notes);
        if (!solution.Feasible)
        {
            return new TargetAllocation(new Dictionary<string, decimal>(), false, notes);
        }

        if (solution.Weights.Count > limit)
        {
            candidates = solution.Weights.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(limit).Select(kv => kv.Key).ToList();
            solution = SolveCapped(candidates, notes);
        }

        return new TargetAllocation(solution.Weights, solution.Feasible, notes);
    }

    /// <summary>Max Sharpe with the cap; with too few tokens for full investment, the uncapped mix scaled to the cap.</summary>
    private (bool Feasible, IReadOnlyDictionary<string, decimal> Weights) SolveCapped(List<string> symbols, List<string>? notes)
    {
        var fullyInvestable = symbols.Count >= options.MinHoldings && symbols.Count * options.MaxWeight >= 1m;
        var solution = universe.MaxSharpe(symbols, fullyInvestable ? options.MaxWeight : 1m);
        if (!solution.Feasible)
        {
            notes?.Add($"No feasible max-Sharpe allocation exists ({solution.Explanation}); the wallet stays in cash.");
            return (false, new Dictionary<string, decimal>());
        }

        var weights = solution.Weights.Where(kv => kv.Value > 0m).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        if (!fullyInvestable)
        {
            var largest = weights.Values.DefaultIfEmpty(0m).Max();
            var scale = largest > options.MaxWeight ? options.MaxWeight / largest : 1m;
            weights = weights.ToDictionary(kv => kv.Key, kv => kv.Value * scale, StringComparer.Ordinal);
            notes?.Add(Format($"Only {symbols.Count} tokens are available; a fully invested portfolio needs at least {options.MinHoldings} at no more than {options.MaxWeight:P0} each, so the max-Sharpe mix of these is scaled to the cap and {1m - weights.Values.Sum():P1} stays in cash."));
        }

        var dropped = weights.Where(kv => kv.Value < options.MinWeight).Select(kv => kv.Key).ToList();
        foreach (var d in dropped)
        {
            weights.Remove(d);
        }

        weights = weights.ToDictionary(kv => kv.Key, kv => Math.Round(kv.Value, 6, MidpointRounding.ToZero), StringComparer.Ordinal);
        if (notes is not null)
        {
            var listed = string.Join(", ", weights.OrderByDescending(kv => kv.Value).Select(kv => Format($"{kv.Key} {kv.Value:P1}")));
            notes.Add(Format($"Max-Sharpe weights: {listed}; cash {1m - weights.Values.Sum():P1}."));
        }

        return (true, weights);
    }

    private static decimal RoundCents(decimal value) => Math.Round(value, 2, MidpointRounding.ToZero);

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
