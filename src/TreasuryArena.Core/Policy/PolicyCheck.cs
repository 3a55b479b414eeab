using System.Globalization;
using TreasuryArena.Core.Common;

namespace TreasuryArena.Core.Policy;

/// <summary>
/// The IPS checks over an organisation's holdings. A buy is refused when, after it, a token's strategy is not allowed,
/// the cash falls below the liquidity reserve, the volatile share exceeds its cap, or the token's weight exceeds its cap
/// (checked in that order; the first breach is the refusal). A sell never breaks a clause (cash rises, no token's weight
/// rises) and is never refused. <c>min_tokens</c> is only reported: a treasury's first buys necessarily hold fewer tokens.
/// </summary>
public static class PolicyCheck
{
    /// <summary>The first clause buying <paramref name="amount"/> USD of <paramref name="symbol"/> would break, or null.</summary>
    public static PolicyBreach? CheckBuy(InvestmentPolicy policy, PolicyHoldings before, string symbol, string strategyId, decimal amount)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(before);
        if (!policy.AllowsStrategy(strategyId))
        {
            return StrategyBreach(policy, symbol, strategyId, "may not be bought", "choose a token whose strategy the policy allows");
        }

        if (amount > before.Cash)
        {
            return null; // more than the organisation's cash: the trade desk refuses it (insufficient_cash), not the policy
        }

        var after = before.AfterBuy(symbol, strategyId, amount);
        if (policy.LiquidityReserveUsd > 0m && after.Cash < policy.LiquidityReserveUsd)
        {
            return new PolicyBreach(PolicyClause.LiquidityReserveMonths, after.Cash, policy.LiquidityReserveUsd,
                Text($"{PolicyClause.LiquidityReserveMonths}: the organisation's cash would be {PolicyText.Usd(after.Cash)}, the policy keeps {PolicyText.Usd(policy.LiquidityReserveUsd)} ({policy.LiquidityReserveMonths} months of {PolicyText.Usd(policy.MonthlyExpenses)}) in reserve"),
                Text($"buy at most {PolicyText.Usd(Math.Max(0m, before.Cash - policy.LiquidityReserveUsd))}"), symbol);
        }

        return Shares(policy, after, symbol, buying: true).FirstOrDefault();
    }

    /// <summary>Every clause the current holdings break (after market moves), with a suggested remedy.</summary>
    public static IReadOnlyList<PolicyBreach> Breaches(InvestmentPolicy policy, PolicyHoldings holdings)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(holdings);
        var list = new List<PolicyBreach>();
        foreach (var p in holdings.Positions.Where(p => p.Value > 0m && !policy.AllowsStrategy(p.StrategyId)))
        {
            list.Add(StrategyBreach(policy, p.Symbol, p.StrategyId, "is held", Text($"sell {p.Symbol} ({PolicyText.Usd(p.Value)})")));
        }

        if (policy.LiquidityReserveUsd > 0m && holdings.Cash < policy.LiquidityReserveUsd)
        {
            var months = policy.MonthlyExpenses == 0m ? 0m : RoundingPolicy.Ratio(holdings.Cash / policy.MonthlyExpenses, 1);
            list.Add(new PolicyBreach(PolicyClause.LiquidityReserveMonths, holdings.Cash, policy.LiquidityReserveUsd,
                Text($"{PolicyClause.LiquidityReserveMonths}: the organisation's cash is {PolicyText.Usd(holdings.Cash)} ({months} months of expenses), the policy keeps {PolicyText.Usd(policy.LiquidityReserveUsd)} ({policy.LiquidityReserveMonths} months)"),
                Text($"sell tokens for {PolicyText.Usd(policy.LiquidityReserveUsd - holdings.Cash)} to restore the reserve")));
        }

        list.AddRange(Shares(policy, holdings, null, buying: false));
        var held = holdings.Positions.Count(p => p.Value > 0m);
        if (held > 0 && held < policy.MinTokens)
        {
            list.Add(new PolicyBreach(PolicyClause.MinTokens, held, policy.MinTokens,
                Text($"{PolicyClause.MinTokens}: the organisation holds {held} token{(held == 1 ? "" : "s")}, the policy asks for at least {policy.MinTokens}"),
                Text($"buy {policy.MinTokens - held} more token{(policy.MinTokens - held == 1 ? "" : "s")} the policy allows")));
        }

        return list;
    }

    /// <summary>
    /// Fits a plan inside the policy before it executes (wallet rebalances, approved proposals, released plans): sells
    /// first (they never break a clause), then each buy in turn, cut to the room the policy leaves on the holdings as
    /// the plan has changed them so far: nothing for a token the strategy clauses do not allow, and at most the cash
    /// above the liquidity reserve, the room under <c>max_volatile_share</c> and the room under <c>max_token_weight</c>.
    /// A buy that fits is kept whole. The plan's lines come back in their own order.
    /// </summary>
    public static PolicyPlanFit FitPlan(InvestmentPolicy policy, PolicyHoldings before, IReadOnlyList<PolicyPlanLine> lines)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(lines);
        var amounts = lines.Select(l => l.Usd).ToArray();
        var cuts = new List<PolicyBreach>();
        var cash = before.Cash;
        var values = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var p in before.Positions)
        {
            values[p.Symbol] = values.GetValueOrDefault(p.Symbol) + p.Value;
        }

        foreach (var l in lines.Where(l => l.Side == OrderSide.Sell))
        {
            var sold = Math.Min(l.Usd, values.GetValueOrDefault(l.Symbol));
            values[l.Symbol] = values.GetValueOrDefault(l.Symbol) - sold;
            cash += Math.Max(0m, l.Usd - l.Fee);
        }

        for (var i = 0; i < lines.Count; i++)
        {
            var l = lines[i];
            if (l.Side != OrderSide.Buy || l.Usd <= 0m)
            {
                continue;
            }

            var total = cash + values.Values.Sum();
            var held = values.GetValueOrDefault(l.Symbol);
            var room = new List<(string Clause, decimal Room, string Why)>();
            if (!policy.AllowsStrategy(l.StrategyId))
            {
                var breach = StrategyBreach(policy, l.Symbol, l.StrategyId, "may not be bought", "the plan does not buy it");
                room.Add((breach.Clause, 0m, breach.Message));
            }

            if (policy.LiquidityReserveUsd > 0m)
            {
                room.Add((PolicyClause.LiquidityReserveMonths, cash - policy.LiquidityReserveUsd,
                    Text($"{PolicyClause.LiquidityReserveMonths}: the organisation keeps {PolicyText.Usd(policy.LiquidityReserveUsd)} in cash ({policy.LiquidityReserveMonths} months of {PolicyText.Usd(policy.MonthlyExpenses)})")));
            }

            if (policy.MaxVolatileShare < 1m)
            {
                room.Add((PolicyClause.MaxVolatileShare, (policy.MaxVolatileShare * total) - values.Values.Sum(),
                    Text($"{PolicyClause.MaxVolatileShare}: tokens may be at most {PolicyText.Percent(policy.MaxVolatileShare)} of the organisation's holdings")));
            }

            if (policy.MaxTokenWeight < 1m)
            {
                room.Add((PolicyClause.MaxTokenWeight, (policy.MaxTokenWeight * total) - held,
                    Text($"{PolicyClause.MaxTokenWeight}: {l.Symbol} may be at most {PolicyText.Percent(policy.MaxTokenWeight)} of the organisation's holdings")));
            }

            var amount = l.Usd;
            if (room.Count > 0)
            {
                var tightest = room.MinBy(r => r.Room);
                if (tightest.Room < amount)
                {
                    amount = RoundingPolicy.CentsDown(Math.Max(0m, tightest.Room));
                    cuts.Add(new PolicyBreach(tightest.Clause, amount, l.Usd,
                        Text($"{tightest.Why}: the buy of {l.Symbol} is cut from {PolicyText.Usd(l.Usd)} to {PolicyText.Usd(amount)}"),
                        amount == 0m ? Text($"the plan does not buy {l.Symbol}") : Text($"buy {PolicyText.Usd(amount)} of {l.Symbol}"), l.Symbol));
                }
            }

            amounts[i] = amount;
            cash -= amount;
            values[l.Symbol] = held + amount;
        }

        return new PolicyPlanFit(amounts, cuts);
    }

    private static IEnumerable<PolicyBreach> Shares(InvestmentPolicy policy, PolicyHoldings h, string? symbol, bool buying)
    {
        var total = h.Total;
        if (total <= 0m)
        {
            yield break;
        }

        var verb = buying ? "would be" : "is";
        var share = h.Volatile / total;
        if (share > policy.MaxVolatileShare)
        {
            var excess = h.Volatile - (policy.MaxVolatileShare * total);
            yield return new PolicyBreach(PolicyClause.MaxVolatileShare, Round(share), policy.MaxVolatileShare,
                Text($"{PolicyClause.MaxVolatileShare}: tokens {verb} {PolicyText.Percent(Round(share))} of the organisation's holdings, the policy allows {PolicyText.Percent(policy.MaxVolatileShare)}"),
                buying ? Text($"buy about {PolicyText.Usd(excess)} less, or sell tokens first") : Text($"sell tokens for about {PolicyText.Usd(excess)}"), symbol);
        }

        foreach (var p in h.Positions.Where(p => symbol is null || p.Symbol == symbol).OrderByDescending(p => p.Value))
        {
            var weight = p.Value / total;
            if (weight > policy.MaxTokenWeight)
            {
                var excess = p.Value - (policy.MaxTokenWeight * total);
                yield return new PolicyBreach(PolicyClause.MaxTokenWeight, Round(weight), policy.MaxTokenWeight,
                    Text($"{PolicyClause.MaxTokenWeight}: {p.Symbol} {verb} {PolicyText.Percent(Round(weight))} of the organisation's holdings, the policy allows {PolicyText.Percent(policy.MaxTokenWeight)}"),
                    buying ? Text($"buy about {PolicyText.Usd(excess)} less of {p.Symbol}") : Text($"sell about {PolicyText.Usd(excess)} of {p.Symbol}"),
                    p.Symbol);
            }
        }
    }

    private static PolicyBreach StrategyBreach(InvestmentPolicy policy, string symbol, string strategyId, string what, string remedy)
    {
        var clause = policy.ExcludedStrategies.Contains(strategyId, StringComparer.OrdinalIgnoreCase) ? PolicyClause.ExcludedStrategies : PolicyClause.AllowedStrategies;
        var why = clause == PolicyClause.ExcludedStrategies ? "excludes it" : Text($"allows only {string.Join(", ", policy.AllowedStrategies)}");
        return new PolicyBreach(clause, 0m, 0m, Text($"{clause}: {symbol} (strategy {strategyId}) {what}: the policy {why}"), remedy, symbol);
    }

    private static decimal Round(decimal fraction) => RoundingPolicy.Ratio(fraction, 4);

    private static string Text(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
