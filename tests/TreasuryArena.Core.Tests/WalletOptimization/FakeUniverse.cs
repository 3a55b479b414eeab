using TreasuryArena.Core.Wallets.Optimization;

namespace TreasuryArena.Core.Tests.WalletOptimization;

/// <summary>
/// A universe whose "solver" is a known closed form (weights proportional to Sharpe, capped by water-filling), so the
/// optimizer's own logic (filters, plan limits, cash remainder, costs) can be checked without the quant solver.
/// Expectations treat tokens as uncorrelated.
/// </summary>
internal sealed class FakeUniverse(DateOnly asOf, IEnumerable<TokenMetrics> tokens) : ITokenUniverse
{
    public int Solves { get; private set; }

    public DateOnly AsOf => asOf;

    public IReadOnlyDictionary<string, TokenMetrics> Tokens { get; } = tokens.ToDictionary(t => t.Symbol, StringComparer.Ordinal);

    public AllocationSolution MaxSharpe(IReadOnlyList<string> symbols, decimal maxWeight)
    {
        Solves++;
        var positive = symbols.Where(s => Tokens[s].Sharpe > 0m).ToList();
        if (positive.Count == 0 || positive.Count * maxWeight < 1m)
        {
            return new AllocationSolution(false, new Dictionary<string, decimal>(), PortfolioExpectation.AllCash, "no feasible allocation");
        }

        var weights = positive.ToDictionary(s => s, _ => 0m, StringComparer.Ordinal);
        var free = positive.ToList();
        var left = 1m;
        while (free.Count > 0)
        {
            var sum = free.Sum(s => Tokens[s].Sharpe!.Value);
            var capped = free.Where(s => left * Tokens[s].Sharpe!.Value / sum > maxWeight).ToList();
            if (capped.Count == 0)
            {
                foreach (var s in free)
                {
                    weights[s] = left * Tokens[s].Sharpe!.Value / sum;
                }

                break;
            }

            foreach (var s in capped)
            {
                weights[s] = maxWeight;
                left -= maxWeight;
                free.Remove(s);
            }
        }

        return new AllocationSolution(true, weights, Evaluate(weights), "ok");
    }

    public PortfolioExpectation Evaluate(IReadOnlyDictionary<string, decimal> weights)
    {
        var mu = weights.Sum(kv => Tokens.TryGetValue(kv.Key, out var t) ? kv.Value * t.MeanReturnAnnualised : 0m);
        var variance = weights.Sum(kv => Tokens.TryGetValue(kv.Key, out var t) ? kv.Value * kv.Value * t.Volatility * t.Volatility : 0m);
        var vol = Sqrt(variance);
        return new PortfolioExpectation(mu, vol, vol > 0m ? mu / vol : 0m);
    }

    private static decimal Sqrt(decimal x)
    {
        if (x <= 0m)
        {
            return 0m;
        }

        var r = x;
        for (var i = 0; i < 60; i++)
        {
            r = (r + (x / r)) / 2m;
        }

        return r;
    }
}
