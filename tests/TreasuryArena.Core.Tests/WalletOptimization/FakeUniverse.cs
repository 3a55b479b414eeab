using TreasuryArena.Core.Quant;
using TreasuryArena.Core.Wallets.Optimization;

namespace TreasuryArena.Core.Tests.WalletOptimization;

/// <summary>
/// A universe whose max Sharpe is a known closed form (weights proportional to Sharpe, capped by water-filling) and
/// whose <see cref="Allocate"/> runs the quant library's <see cref="RiskLimitedAllocation"/> on uncorrelated tokens
/// (diagonal covariance of the tokens' volatilities), so the optimizer's own logic (filters, plan limits, portfolio
/// limits, held caps, cash remainder, costs) is checked against expectations one can work out by hand.
/// </summary>
internal sealed class FakeUniverse(DateOnly asOf, IEnumerable<TokenMetrics> tokens) : ITokenUniverse
{
    public int Solves { get; private set; }

    public DateOnly AsOf => asOf;

    public IReadOnlyDictionary<string, TokenMetrics> Tokens { get; } = tokens.ToDictionary(t => t.Symbol, StringComparer.Ordinal);

    public string ExpectedReturnsMethod { get; init; } = "fake: each token's ExpectedReturn";

    public bool WeakEvidence { get; init; }

    public AllocationSolution Allocate(AllocationRequest request)
    {
        Solves++;
        var n = request.Symbols.Count;
        var cov = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            var v = (double)Tokens[request.Symbols[i]].Volatility;
            cov[(i * n) + i] = v * v;
        }

        var input = new PortfolioInput(request.Symbols, request.Symbols.Select(s => (double)Tokens[s].ExpectedReturn).ToArray(), cov);
        RiskLimitedResult r;
        try
        {
            r = RiskLimitedAllocation.Solve(input, request.Symbols.Select(s => (double)request.UpperBounds[s]).ToArray(),
            request.Symbols.Select(s => (double)Tokens[s].VolatileShare).ToArray(), (double?)request.VolatilityCeiling, (double?)request.VolatileShareCap, WeakEvidence,
            (double?)request.MaxInvested, request.LowerBounds is { } lb ? [.. request.Symbols.Select(s => (double)lb.GetValueOrDefault(s))] : null);
        }
        catch (QuantException ex)
        {
            // As the real universe: a solve that fails is an infeasible allocation, never an exception.
            return new AllocationSolution(false, new Dictionary<string, decimal>(), PortfolioExpectation.AllCash, ex.Message);
        }

        var weights = new Dictionary<string, decimal>(StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            var w = Math.Min(request.UpperBounds[request.Symbols[i]], Math.Round((decimal)r.Weights[i], 6, MidpointRounding.ToZero));
            if (w > 0m)
            {
                weights[request.Symbols[i]] = w;
            }
        }

        if (request.MaxInvested is { } invested && weights.Values.Sum() > invested)
        {
            var scale = invested / weights.Values.Sum();
            foreach (var k in weights.Keys.ToList())
            {
                weights[k] = Math.Round(weights[k] * scale, 6, MidpointRounding.ToZero);
            }
        }

        return new AllocationSolution(true, weights, Evaluate(weights), "fake")
        {
            Objective = WeakEvidence ? "min_variance" : "efficient_risk",
            CeilingBinds = r.CeilingBinds,
            VolatileShareBinds = r.ExposureBinds,
            VolatileShare = (decimal)r.Exposure,
        };
    }

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
        var mu = weights.Sum(kv => Tokens.TryGetValue(kv.Key, out var t) ? kv.Value * t.ExpectedReturn : 0m);
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
