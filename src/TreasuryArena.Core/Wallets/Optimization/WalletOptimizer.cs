using System.Collections.Concurrent;
using System.Globalization;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Policy;

namespace TreasuryArena.Core.Wallets.Optimization;

/// <summary>
/// Recommends an allocation for wallets over one <see cref="ITokenUniverse"/> (metrics and covariance computed once
/// per run). Target weights depend only on the wallet's risk rule, its plan's token limit and the caps of the
/// non-buyable tokens it holds, so they are solved once per distinct key and shared; only the orders are per wallet.
/// Thread-safe.
/// <para>Targets: the tokens the filter admits (buyable, or held and not buyable — below), efficient risk under the
/// tolerance's portfolio limits: the highest expected return with expected volatility ≤ the rule's ceiling, every
/// weight ≤ <c>MaxWeight</c>, the volatile share ≤ its cap, the rest in cash (a binding ceiling or cap, or too few
/// tokens for full investment, leave cash — the recommendation says so). When the universe's expected returns are
/// uninformative (<see cref="ITokenUniverse.WeakEvidence"/>) it is minimum variance under the same limits. A plan
/// limit below the number of tokens the solution uses keeps the largest weights and re-solves over them.</para>
/// <para>Paused (not buyable) tokens a wallet holds are never sold because they are paused: they are candidates like
/// any other (the same filter, the same solve) with an upper bound of the wallet's current weight (no new buys), so
/// they are kept or trimmed on their own merits.</para>
/// <para>The organisation's IPS (<see cref="PolicyLimits"/>, issue 21): the solve runs inside it — each weight at most the
/// stricter of <c>MaxWeight</c> and <c>max_token_weight</c>, tokens the strategy clauses do not allow are no candidates
/// (held ones are sold), Σw at most <c>max_volatile_share</c> and what the liquidity reserve leaves (the reserve stays
/// in cash), at least <c>min_tokens</c> tokens (forced in at <see cref="PolicyLimits.MinTokenWeight"/> each, best Sharpe
/// first, when the solution holds fewer). When no target can meet it, nothing is planned and the recommendation carries
/// the refusal naming the clause (<see cref="WalletRecommendation.PolicyRefusal"/>).</para>
/// <para>Worth it: the expected benefit is the change in certainty equivalent (μ − λσ²/2) times the wallet value
/// over the benefit horizon; a rebalance whose benefit does not exceed its fees is not proposed.</para>
/// </summary>
public sealed class WalletOptimizer(ITokenUniverse universe, WalletOptimizerOptions options)
{
    private readonly ConcurrentDictionary<(RiskFilterRule Filter, int? MaxTokens, string Held, string Policy), TargetAllocation> _targets = new();

    public ITokenUniverse Universe => universe;

    public WalletOptimizerOptions Options => options;

    /// <summary>The target allocation for a rule and token limit of a wallet that holds no non-buyable token (cached for the run).</summary>
    public TargetAllocation Target(RiskFilterRule filter, int? maxTokens) => Target(filter, maxTokens, new Dictionary<string, decimal>());

    /// <summary>
    /// The target allocation for a rule and token limit with <paramref name="heldCaps"/>: held non-buyable tokens and the
    /// most each may weigh (the wallet's current weight, at most <c>MaxWeight</c>). Cached for the run per key.
    /// </summary>
    public TargetAllocation Target(RiskFilterRule filter, int? maxTokens, IReadOnlyDictionary<string, decimal> heldCaps) =>
        Target(filter, maxTokens, heldCaps, PolicyLimits.None);

    /// <summary>The target allocation inside the organisation's IPS <paramref name="policy"/> (cached for the run per key, the limits included).</summary>
    public TargetAllocation Target(RiskFilterRule filter, int? maxTokens, IReadOnlyDictionary<string, decimal> heldCaps, PolicyLimits policy)
    {
        ArgumentNullException.ThrowIfNull(heldCaps);
        ArgumentNullException.ThrowIfNull(policy);
        var pk = policy.Key;
        if (heldCaps.Count == 0)
        {
            return _targets.GetOrAdd((filter, maxTokens, "", pk), _ => Solve(filter, maxTokens, heldCaps, policy));
        }

        // First with the held tokens at the ordinary cap (shared by every wallet holding the same paused tokens): when
        // no held token's weight there exceeds its wallet's current weight, the caps do not bind and that is the answer;
        // otherwise solve again with the wallet's caps (per distinct caps).
        var loose = heldCaps.Keys.Order(StringComparer.Ordinal).ToDictionary(k => k, _ => options.MaxWeight, StringComparer.Ordinal);
        var wide = _targets.GetOrAdd((filter, maxTokens, Key(loose), pk), _ => Solve(filter, maxTokens, loose, policy));
        if (heldCaps.All(kv => wide.Weights.GetValueOrDefault(kv.Key) <= kv.Value))
        {
            return wide;
        }

        return _targets.GetOrAdd((filter, maxTokens, Key(heldCaps), pk), _ => Solve(filter, maxTokens, heldCaps, policy));
    }

    private static string Key(IReadOnlyDictionary<string, decimal> caps) =>
        string.Join(";", caps.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => Format($"{kv.Key}={kv.Value}")));

    /// <summary>
    /// The held tokens that may not be bought (paused, proving) but have metrics, each capped at the wallet's current weight
    /// (rounded down to 0.01%, so wallets with nearly the same holding share a solve; at most <c>MaxWeight</c>): kept or
    /// trimmed on their merits, never increased.
    /// </summary>
    public IReadOnlyDictionary<string, decimal> HeldCaps(WalletSnapshot wallet)
    {
        ArgumentNullException.ThrowIfNull(wallet);
        var caps = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var (symbol, weight) in wallet.Weights())
        {
            if (universe.Tokens.TryGetValue(symbol, out var t) && !t.Buyable)
            {
                var cap = Math.Min(options.MaxWeight, RoundingPolicy.Down(weight, 4));
                if (cap > 0m)
                {
                    caps[symbol] = cap;
                }
            }
        }

        return caps;
    }

    public WalletRecommendation Recommend(WalletSnapshot wallet)
    {
        ArgumentNullException.ThrowIfNull(wallet);
        var target = Target(wallet.Filter, wallet.MaxTokens, HeldCaps(wallet), wallet.Policy);
        var notes = new List<string>(target.Notes);
        var current = wallet.Weights();
        var value = wallet.Value;
        var asOf = universe.AsOf;
        if (target.PolicyRefusal is { } refusal)
        {
            notes.Add($"Refused by the organisation's investment policy, so nothing is planned and nothing trades: {refusal.Message}. To lift it: {refusal.Remedy}.");
            return new WalletRecommendation(wallet.Address, asOf, current, new Dictionary<string, decimal>(), OrderPlan.Empty(wallet.Cash),
                universe.Evaluate(current), universe.Evaluate(current), 0m, 0m, 0m, false, false, notes)
            {
                Limits = RiskLimits.Of(wallet.Filter),
                ExpectedReturnsMethod = universe.ExpectedReturnsMethod,
                Objective = target.Objective,
                PolicyRefusal = refusal,
                Policy = wallet.Policy,
            };
        }

        if (value <= 0m)
        {
            notes.Add("The wallet holds nothing, so there is nothing to allocate.");
            return new WalletRecommendation(wallet.Address, asOf, current, target.Weights, OrderPlan.Empty(wallet.Cash),
                PortfolioExpectation.AllCash, PortfolioExpectation.AllCash, 0m, 0m, 0m, false, false, notes)
            {
                Limits = RiskLimits.Of(wallet.Filter),
                ExpectedReturnsMethod = universe.ExpectedReturnsMethod,
                Objective = target.Objective,
                TargetVolatileShare = target.VolatileShare,
            };
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
        if (Banded(current, target.Weights, wallet.Policy, out var kept) is { } banded)
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
            Limits = RiskLimits.Of(wallet.Filter),
            ExpectedReturnsMethod = universe.ExpectedReturnsMethod,
            Objective = target.Objective,
            TargetVolatileShare = target.VolatileShare,
            Method = chosen.Name,
            RequiredBenefit = chosen.Required,
            Policy = wallet.Policy,
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
    private Dictionary<string, decimal>? Banded(IReadOnlyDictionary<string, decimal> current, IReadOnlyDictionary<string, decimal> target, PolicyLimits policy, out HashSet<string> untouched)
    {
        var cap = Math.Min(options.MaxWeight, policy.TokenCap);
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
            if (w > 0m && t > 0m && Math.Abs(w - t) <= options.NoTradeBand && w <= cap)
            {
                kept[symbol] = w;
            }
            else if (t > 0m)
            {
                moved[symbol] = t;
            }
        }

        var invested = Math.Min(1m, policy.InvestedCap);
        if (kept.Count == 0 || kept.Values.Sum() > invested)
        {
            return null;
        }

        untouched.UnionWith(kept.Keys);
        var room = invested - kept.Values.Sum();
        var wanted = moved.Values.Sum();
        var scale = wanted > room && wanted > 0m ? Math.Max(0m, room) / wanted : 1m;
        foreach (var (symbol, t) in moved)
        {
            kept[symbol] = RoundingPolicy.WeightDown(t * scale);
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

    private TargetAllocation Solve(RiskFilterRule filter, int? maxTokens, IReadOnlyDictionary<string, decimal> heldCaps, PolicyLimits policy)
    {
        var notes = new List<string>();
        var all = universe.Tokens.Values;
        var admitted = all.Where(t => (t.Buyable || heldCaps.ContainsKey(t.Symbol)) && filter.Admits(t))
            .OrderByDescending(t => t.Sharpe).ThenBy(t => t.Symbol, StringComparer.Ordinal)
            .Select(t => t.Symbol).ToList();
        var qualifying = admitted.Where(s => !policy.Disallowed.Contains(s)).ToList();
        notes.Add(Format($"{qualifying.Count} of {universe.Tokens.Count} tokens with {options.LookbackDays}-day metrics are buyable (or held) and pass the filter ({filter.Describe()}; Sharpe over {universe.RiskFree}, {universe.RiskFreeRate:P2} a year on average)."));
        notes.Add(Format($"Portfolio limits: {filter.DescribeLimits()}. Expected returns: {universe.ExpectedReturnsMethod}."));
        var undefined = all.Where(t => t.Sharpe is null).Select(t => t.Symbol).Order(StringComparer.Ordinal).ToList();
        if (undefined.Count > 0)
        {
            notes.Add($"Sharpe undefined (under 90 returns, or volatility of excess returns below 0.5% a year), so not eligible: {string.Join(", ", undefined)}.");
        }

        var held = heldCaps.Keys.Where(qualifying.Contains).Order(StringComparer.Ordinal).ToList();
        if (held.Count > 0)
        {
            notes.Add(Format($"Held but not buyable (paused or proving), kept on their merits at no more than their current weight (no new buys): {string.Join(", ", held.Select(h => Format($"{h} ≤ {heldCaps[h]:P1}")))}."));
        }

        var heldOut = heldCaps.Keys.Where(h => !qualifying.Contains(h)).Order(StringComparer.Ordinal).ToList();
        if (heldOut.Count > 0)
        {
            notes.Add($"Held but not buyable and not passing the filter, as any token that fails it: {string.Join(", ", heldOut)}.");
        }

        if (!policy.IsNone)
        {
            notes.Add(Format($"The organisation's investment policy (version {policy.Version}): {policy.Describe()}."));
            var left = admitted.Where(policy.Disallowed.Contains).ToList();
            if (left.Count > 0)
            {
                notes.Add($"Not candidates because {policy.StrategyClause} does not allow their strategy (sold when held): {string.Join(", ", left)}.");
            }
        }

        var refusal = policy.Infeasible(qualifying.Count, admitted.Count);
        if (refusal is null && maxTokens is { } planLimit && policy.MinTokens > planLimit)
        {
            refusal = new PolicyBreach(PolicyClause.MinTokens, planLimit, policy.MinTokens,
                Format($"{PolicyClause.MinTokens}: the policy asks for at least {policy.MinTokens} tokens, but the organisation's plan allows at most {planLimit}"),
                Format($"lower min_tokens to {planLimit} or move to a plan that allows more tokens"));
        }

        if (refusal is not null)
        {
            notes.Add($"No target meets the investment policy: {refusal.Message}.");
            return new TargetAllocation(new Dictionary<string, decimal>(), false, notes) { Objective = universe.WeakEvidence ? "min_variance" : "efficient_risk", PolicyRefusal = refusal };
        }

        if (qualifying.Count == 0)
        {
            notes.Add("With no qualifying token, everything stays in cash.");
            return new TargetAllocation(new Dictionary<string, decimal>(), false, notes) { Objective = universe.WeakEvidence ? "min_variance" : "efficient_risk" };
        }

        var limit = maxTokens ?? int.MaxValue;
        var candidates = qualifying;
        if (candidates.Count > limit)
        {
            // Solve over everything first, then keep the plan's number of largest weights.
            var wide = SolveCapped(candidates, filter, heldCaps, policy, null, notes: null);
            candidates = (wide.Feasible ? wide.Weights : new Dictionary<string, decimal>())
                .OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal)
                .Select(kv => kv.Key).Concat(qualifying).Distinct(StringComparer.Ordinal).Take(limit).ToList();
            notes.Add(Format($"The organisation's plan allows at most {limit} tokens, so the allocation uses the {limit} that weigh most in the unrestricted solution ({string.Join(", ", candidates)})."));
        }

        var solution = SolveCapped(candidates, filter, heldCaps, policy, null, notes);
        if (!solution.Feasible)
        {
            return new TargetAllocation(new Dictionary<string, decimal>(), false, notes) { Objective = solution.Objective };
        }

        if (solution.Weights.Count > limit)
        {
            candidates = solution.Weights.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(limit).Select(kv => kv.Key).ToList();
            solution = SolveCapped(candidates, filter, heldCaps, policy, null, notes);
        }

        if (solution.Feasible && solution.Weights.Count < policy.MinTokens)
        {
            // min_tokens: the solution's tokens plus the best-Sharpe candidates that may weigh at least the minimum, each
            // forced in at the minimum weight, solved again; the plan's token limit was checked above.
            var cap = Math.Min(options.MaxWeight, policy.TokenCap);
            var forced = solution.Weights.Keys.Concat(candidates).Concat(qualifying).Distinct(StringComparer.Ordinal)
                .Where(s => (heldCaps.TryGetValue(s, out var h) ? Math.Min(h, cap) : cap) >= PolicyLimits.MinTokenWeight)
                .Take(policy.MinTokens).ToList();
            var lower = forced.ToDictionary(s => s, _ => PolicyLimits.MinTokenWeight, StringComparer.Ordinal);
            var forcedIn = forced.Count < policy.MinTokens ? solution
                : SolveCapped(forced.Concat(candidates).Distinct(StringComparer.Ordinal).Take(limit).ToList(), filter, heldCaps, policy, lower, notes);
            if (!forcedIn.Feasible || forcedIn.Weights.Count < policy.MinTokens)
            {
                var breach = new PolicyBreach(PolicyClause.MinTokens, solution.Weights.Count, policy.MinTokens,
                    Format($"{PolicyClause.MinTokens}: the policy asks for at least {policy.MinTokens} tokens, but no allocation within the wallet's limits holds more than {solution.Weights.Count}"),
                    "lower min_tokens or widen the wallet's risk tolerance");
                notes.Add($"No target meets the investment policy: {breach.Message}.");
                return new TargetAllocation(new Dictionary<string, decimal>(), false, notes) { Objective = solution.Objective, PolicyRefusal = breach };
            }

            notes.Add(Format($"{PolicyClause.MinTokens}: the solution held {solution.Weights.Count} tokens; {policy.MinTokens} are held, each at least {PolicyLimits.MinTokenWeight:P0} ({string.Join(", ", forced)})."));
            solution = forcedIn;
        }

        return new TargetAllocation(solution.Weights, solution.Feasible, notes)
        {
            Objective = solution.Objective,
            VolatileShare = solution.VolatileShare,
            CeilingBinds = solution.CeilingBinds,
            VolatileShareBinds = solution.VolatileShareBinds,
        };
    }

    /// <summary>
    /// Efficient risk (or the minimum-variance fallback) under the rule's limits, each weight ≤ <c>MaxWeight</c> (a held
    /// non-buyable token ≤ its current weight), the rest in cash.
    /// </summary>
    private (bool Feasible, IReadOnlyDictionary<string, decimal> Weights, string Objective, decimal VolatileShare, bool CeilingBinds, bool VolatileShareBinds) SolveCapped(
        List<string> symbols, RiskFilterRule filter, IReadOnlyDictionary<string, decimal> heldCaps, PolicyLimits policy, IReadOnlyDictionary<string, decimal>? lower, List<string>? notes)
    {
        var maxWeight = Math.Min(options.MaxWeight, policy.TokenCap);
        var bounds = symbols.ToDictionary(s => s, s => Math.Min(maxWeight, heldCaps.TryGetValue(s, out var cap) ? cap : maxWeight), StringComparer.Ordinal);
        var solution = universe.Allocate(new AllocationRequest(symbols, bounds, filter.VolatilityCeiling, filter.VolatileShareCap)
        {
            MaxInvested = policy.InvestedCap < 1m ? policy.InvestedCap : null,
            LowerBounds = lower,
        });
        var objective = solution.Objective == "min_variance" ? "Minimum-variance" : "Efficient-risk";
        if (!solution.Feasible)
        {
            notes?.Add($"No feasible allocation exists ({solution.Explanation}); the wallet stays in cash.");
            return (false, new Dictionary<string, decimal>(), solution.Objective, 0m, false, false);
        }

        var room = bounds.Values.Sum();
        if (room < Math.Min(1m, policy.InvestedCap))
        {
            notes?.Add(Format($"Only {symbols.Count} tokens are available at no more than {maxWeight:P0} each (a fully invested portfolio needs at least {(maxWeight < options.MaxWeight ? RoundingPolicy.Up(1m / maxWeight, 0) : options.MinHoldings)}), so at least {1m - room:P1} stays in cash."));
        }

        if (policy.InvestedCap < 1m)
        {
            notes?.Add(Format($"The investment policy keeps at least {1m - policy.InvestedCap:P1} of the wallet in cash ({policy.InvestedClause})."));
        }

        var weights = solution.Weights.Where(kv => kv.Value >= options.MinWeight)
            .ToDictionary(kv => kv.Key, kv => RoundingPolicy.WeightDown(kv.Value), StringComparer.Ordinal);
        if (notes is not null)
        {
            var listed = string.Join(", ", weights.OrderByDescending(kv => kv.Value).Select(kv => Format($"{kv.Key} {kv.Value:P1}")));
            notes.Add(Format($"{objective} weights: {(listed.Length == 0 ? "none" : listed)}; cash {1m - weights.Values.Sum():P1}; volatile share {solution.VolatileShare:P1}."));
            if (solution.CeilingBinds && filter.VolatilityCeiling is { } ceiling)
            {
                notes.Add(Format($"The {ceiling:P0} volatility ceiling binds: the expected volatility is held at it and the rest stays in cash."));
            }

            if (solution.VolatileShareBinds && filter.VolatileShareCap is { } cap)
            {
                notes.Add(Format($"The {cap:P0} volatile-share cap binds."));
            }
        }

        return (true, weights, solution.Objective, solution.VolatileShare, solution.CeilingBinds, solution.VolatileShareBinds);
    }

    private static decimal RoundCents(decimal value) => RoundingPolicy.CentsDown(value);

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
