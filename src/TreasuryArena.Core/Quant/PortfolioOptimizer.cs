using System.Globalization;
using TreasuryArena.Core.Common;

namespace TreasuryArena.Core.Quant;

/// <summary>
/// Mean–variance optimisers on <see cref="ActiveSetSolver"/> (PyPortfolioOpt's problem definitions, FINANCE.md):
/// <list type="bullet">
/// <item>min volatility: min wᵀΣw + γ‖w‖²;</item>
/// <item>efficient return: the same subject to μᵀw ≥ r*;</item>
/// <item>max quadratic utility: max μᵀw − (δ/2) wᵀΣw − γ‖w‖²;</item>
/// <item>efficient risk: max μᵀw − γ‖w‖² subject to wᵀΣw ≤ σ*², solved through its Lagrangian: for λ ≥ 0 the QP
/// min −μᵀw + γ‖w‖² + λ wᵀΣw has a volatility decreasing in λ; λ is found by bisection on log λ so the volatility
/// equals σ* to 1e-9 (or λ → 0 when the cap does not bind);</item>
/// <item>max Sharpe: with y = κw, min yᵀΣy + γ‖y‖² subject to (μ − rf)ᵀy = 1 and every w-constraint aᵀw ≤ b
/// rewritten as (a − b·1)ᵀy ≤ 0; w = y / Σy.</item>
/// </list>
/// All: Σw = 1, per-asset bounds, group caps, optional turnover penalty/cap (auxiliary u⁺, u⁻ ≥ 0 with
/// w − u⁺ + u⁻ = w_current and 1e-8 curvature on u), optional minimum holdings (heuristic, see
/// <see cref="PortfolioConstraints.MinHoldings"/>). Infeasible problems throw <see cref="QuantException"/> saying why.
/// </summary>
public static class PortfolioOptimizer
{
    public static PortfolioResult MinVolatility(PortfolioInput input, PortfolioConstraints? constraints = null, double riskFreeRate = 0.02)
    {
        ArgumentNullException.ThrowIfNull(input);
        var c = Check(input, constraints);
        var (w, sol, notes) = WithMinHoldings(input, c, lower => SolveW(input, c, lower, risk: 2, returnWeight: 0, extraRows: [], start: null, score: NegVariance(input)));
        return PortfolioResult.Create("min_volatility", input, w, riskFreeRate, sol.Iterations, sol.Residual, notes);
    }

    public static PortfolioResult MaxQuadraticUtility(PortfolioInput input, double riskAversion, PortfolioConstraints? constraints = null, double riskFreeRate = 0.02)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!(riskAversion > 0) || !double.IsFinite(riskAversion))
        {
            throw new QuantException(Outcome.InvalidInput, "risk aversion must be a positive number");
        }

        var c = Check(input, constraints);
        var (w, sol, notes) = WithMinHoldings(input, c, lower => SolveW(input, c, lower, risk: riskAversion, returnWeight: 1, extraRows: [], start: null, score: input.ExpectedReturns));
        return PortfolioResult.Create("max_quadratic_utility", input, w, riskFreeRate, sol.Iterations, sol.Residual, notes);
    }

    public static PortfolioResult EfficientReturn(PortfolioInput input, double targetReturn, PortfolioConstraints? constraints = null, double riskFreeRate = 0.02)
    {
        ArgumentNullException.ThrowIfNull(input);
        var c = Check(input, constraints);
        var max = MaxReturn(input, c);
        if (targetReturn > max + 1e-6)
        {
            throw new QuantException(Outcome.Infeasible, Inv($"target return {targetReturn:P2} is above the highest return any allowed portfolio reaches ({max:P2})"));
        }

        var row = new LinearRow(input.ExpectedReturns.Select(m => -m).ToArray(), -targetReturn, "target return");
        var (w, sol, notes) = WithMinHoldings(input, c, lower => SolveW(input, c, lower, risk: 2, returnWeight: 0, extraRows: [row], start: null, score: input.ExpectedReturns));
        return PortfolioResult.Create("efficient_return", input, w, riskFreeRate, sol.Iterations, sol.Residual, notes);
    }

    public static PortfolioResult EfficientRisk(PortfolioInput input, double targetVolatility, PortfolioConstraints? constraints = null, double riskFreeRate = 0.02)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!(targetVolatility > 0) || !double.IsFinite(targetVolatility))
        {
            throw new QuantException(Outcome.InvalidInput, "target volatility must be a positive number");
        }

        var c = Check(input, constraints);
        var minVol = MinVolatility(input, c with { MinHoldings = 0 }, riskFreeRate);
        if (targetVolatility < minVol.Volatility - 1e-9)
        {
            throw new QuantException(Outcome.Infeasible, Inv($"target volatility {targetVolatility:P2} is below the lowest volatility any allowed portfolio reaches ({minVol.Volatility:P2})"));
        }

        var (w, sol, notes) = WithMinHoldings(input, c, lower => SolveEfficientRisk(input, c, lower, targetVolatility));
        return PortfolioResult.Create("efficient_risk", input, w, riskFreeRate, sol.Iterations, sol.Residual, notes);
    }

    public static PortfolioResult MaxSharpe(PortfolioInput input, double riskFreeRate = 0.02, PortfolioConstraints? constraints = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        var c = Check(input, constraints);
        if (c.HasTurnover)
        {
            throw new QuantException(Outcome.Unsupported, "turnover terms are not homogeneous, so max Sharpe cannot use them; use max-utility or efficient-risk for rebalancing");
        }

        var (w, sol, notes) = WithMinHoldings(input, c, lower => SolveMaxSharpe(input, c, lower, riskFreeRate));
        return PortfolioResult.Create("max_sharpe", input, w, riskFreeRate, sol.Iterations, sol.Residual, notes);
    }

    /// <summary>
    /// Points of the efficient frontier: efficient-return portfolios for <paramref name="points"/> target returns evenly
    /// spaced from the min-volatility portfolio's return to the highest allowed return.
    /// </summary>
    public static IReadOnlyList<PortfolioResult> EfficientFrontier(PortfolioInput input, int points = 20, PortfolioConstraints? constraints = null, double riskFreeRate = 0.02)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (points < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(points), points, "need at least 2 points");
        }

        var c = Check(input, constraints);
        var minVol = MinVolatility(input, c, riskFreeRate);
        var max = MaxReturn(input, c);
        var result = new List<PortfolioResult>(points) { minVol with { Objective = "efficient_frontier" } };
        for (var k = 1; k < points; k++)
        {
            var target = minVol.ExpectedReturn + (max - minVol.ExpectedReturn) * k / (points - 1);
            result.Add(EfficientReturn(input, Math.Min(target, max), c, riskFreeRate) with { Objective = "efficient_frontier" });
        }

        return result;
    }

    /// <summary>The highest expected return over the allowed portfolios (a linear objective; solved as an ε-regularised QP unless greedy applies).</summary>
    public static double MaxReturn(PortfolioInput input, PortfolioConstraints? constraints = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        var c = Check(input, constraints);
        var w = MaxReturnWeights(input, c, input.ExpectedReturns);
        return input.PortfolioReturn(w);
    }

    private static double[] MaxReturnWeights(PortfolioInput input, PortfolioConstraints c, double[] mu)
    {
        var n = input.Count;
        var (lo, hi) = c.Bounds(n);
        if (c.Groups.Count == 0 && c.Inequalities.Count == 0 && !c.HasTurnover)
        {
            return Greedy(lo, hi, mu);
        }

        // Linear objective: a tiny curvature keeps the active-set QP well posed; the answer is the LP vertex to ~1e-8.
        var zero = new PortfolioInput(input.Assets, mu, new double[n * n]);
        var (w, _, _) = SolveW(zero, c with { Gamma = 0 }, lo, risk: 0, returnWeight: 1, extraRows: [], start: null, score: mu, curvature: 1e-7);
        return w;
    }

    private static PortfolioConstraints Check(PortfolioInput input, PortfolioConstraints? constraints)
    {
        var c = constraints ?? PortfolioConstraints.LongOnly;
        var n = input.Count;
        if (c.LowerBounds is { } l && l.Count != n || c.UpperBounds is { } u && u.Count != n || c.CurrentWeights is { } cw && cw.Count != n)
        {
            throw new ArgumentException($"per-asset vectors must have {n} entries");
        }

        if (!(c.Gamma >= 0) || !(c.TurnoverPenalty >= 0) || c.MaxTurnover is < 0)
        {
            throw new QuantException(Outcome.InvalidInput, "gamma, turnover penalty and turnover cap must be non-negative");
        }

        if ((c.TurnoverPenalty > 0 || c.MaxTurnover is not null) && c.CurrentWeights is null)
        {
            throw new QuantException(Outcome.InvalidInput, "turnover terms need the current weights");
        }

        var (lo, hi) = c.Bounds(n);
        double sumLo = 0, sumHi = 0;
        for (var i = 0; i < n; i++)
        {
            if (!double.IsFinite(lo[i]) || !double.IsFinite(hi[i]) || lo[i] > hi[i])
            {
                throw new QuantException(Outcome.Infeasible, Inv($"{input.Assets[i]}: minimum weight {lo[i]} is above its maximum weight {hi[i]}"));
            }

            sumLo += lo[i];
            sumHi += hi[i];
        }

        if (sumHi < 1 - 1e-12)
        {
            var need = hi.Max() > 0 ? (int)Math.Ceiling(1 / hi.Max() - 1e-12) : int.MaxValue;
            throw new QuantException(Outcome.Infeasible, Inv($"weights cannot sum to 1: the maximum weights add up to {sumHi:G6} (with a cap of {hi.Max():G4} per asset at least {need} assets are needed, {n} given)"));
        }

        if (sumLo > 1 + 1e-12)
        {
            throw new QuantException(Outcome.Infeasible, Inv($"weights cannot sum to 1: the minimum weights add up to {sumLo:G6}"));
        }

        foreach (var g in c.Groups)
        {
            if (g.Members.Any(m => m < 0 || m >= n))
            {
                throw new ArgumentException($"group {g.Name} has a member outside 0..{n - 1}");
            }

            if (g.Min > g.Max)
            {
                throw new QuantException(Outcome.Infeasible, Inv($"group {g.Name}: minimum {g.Min} is above maximum {g.Max}"));
            }
        }

        foreach (var r in c.Inequalities)
        {
            if (r.A.Length != n || !double.IsFinite(r.B) || r.A.Any(v => !double.IsFinite(v)))
            {
                throw new ArgumentException($"inequality {r.Name} needs {n} finite coefficients and a finite bound");
            }
        }

        if (c.MinHoldings > 0)
        {
            if (c.MinHoldings > n)
            {
                throw new QuantException(Outcome.Infeasible, Inv($"at least {c.MinHoldings} holdings asked but only {n} assets"));
            }

            if (c.MinHoldings * c.MinHoldingWeight > 1 + 1e-12 || Enumerable.Range(0, n).Count(i => hi[i] >= c.MinHoldingWeight) < c.MinHoldings)
            {
                throw new QuantException(Outcome.Infeasible, Inv($"{c.MinHoldings} holdings of at least {c.MinHoldingWeight} each cannot fit the weight bounds"));
            }
        }

        return c;
    }

    /// <summary>
    /// Solves min ½ wᵀ(risk·Σ + 2γI)w − returnWeight·μᵀw (+ turnover terms) in w-space with forced lower bounds.
    /// </summary>
    private static (double[] W, QpSolution Solution, IReadOnlyList<string> Notes) SolveW(
        PortfolioInput input,
        PortfolioConstraints c,
        double[] lower,
        double risk,
        double returnWeight,
        IReadOnlyList<LinearRow> extraRows,
        double[]? start,
        double[] score,
        double curvature = 0)
    {
        var n = input.Count;
        var (_, hi) = c.Bounds(n);
        var turnover = c.HasTurnover;
        var nv = turnover ? 3 * n : n;
        var p = new double[nv * nv];
        var q = new double[nv];
        var cov = input.Covariance;
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                p[i * nv + j] = risk * cov[i * n + j];
            }

            p[i * nv + i] += 2 * c.Gamma + curvature;
            q[i] = -returnWeight * input.ExpectedReturns[i];
        }

        var qp = new QuadraticProgram(nv, p, q);
        for (var i = 0; i < n; i++)
        {
            qp.Lower[i] = lower[i];
            qp.Upper[i] = hi[i];
        }

        var budget = new double[nv];
        Array.Fill(budget, 1.0, 0, n);
        qp.Equalities.Add(new LinearRow(budget, 1, "weights sum to 1"));
        foreach (var g in c.Groups)
        {
            var a = new double[nv];
            foreach (var m in g.Members)
            {
                a[m] = 1;
            }

            qp.Inequalities.Add(new LinearRow(a, g.Max, $"group {g.Name} at most {g.Max.ToString(CultureInfo.InvariantCulture)}"));
            if (g.Min > 0)
            {
                qp.Inequalities.Add(new LinearRow(a.Select(v => -v).ToArray(), -g.Min, $"group {g.Name} at least {g.Min.ToString(CultureInfo.InvariantCulture)}"));
            }
        }

        foreach (var r in c.Inequalities.Concat(extraRows))
        {
            var a = new double[nv];
            Array.Copy(r.A, a, n);
            qp.Inequalities.Add(r with { A = a });
        }

        double[]? x0 = null;
        if (turnover)
        {
            var w0 = c.CurrentWeights!;
            for (var i = 0; i < n; i++)
            {
                // w - u⁺ + u⁻ = w_current; cost c per unit traded on each side; small curvature keeps P definite.
                var a = new double[nv];
                a[i] = 1;
                a[n + i] = -1;
                a[2 * n + i] = 1;
                qp.Equalities.Add(new LinearRow(a, w0[i], $"trade of {input.Assets[i]}"));
                foreach (var v in new[] { n + i, 2 * n + i })
                {
                    qp.Lower[v] = 0;
                    p[v * nv + v] = 1e-7;
                    q[v] = c.TurnoverPenalty;
                }
            }

            if (c.MaxTurnover is { } cap)
            {
                var a = new double[nv];
                Array.Fill(a, 1.0, n, 2 * n);
                qp.Inequalities.Add(new LinearRow(a, 2 * cap, $"turnover at most {cap.ToString(CultureInfo.InvariantCulture)}"));
            }

            if (start is null && qp.MaxViolation([.. w0, .. new double[2 * n]]) <= ActiveSetSolver.Tolerance)
            {
                x0 = [.. w0, .. new double[2 * n]];
            }
        }
        else if (start is not null)
        {
            x0 = start;
        }
        else if (qp.Inequalities.Count == 0)
        {
            x0 = Greedy(lower, hi, score);
        }

        var sol = ActiveSetSolver.Solve(qp, x0);
        var w = Clean(sol.X.AsSpan(0, n).ToArray(), lower, hi);
        return (w, sol, []);
    }

    private static (double[] W, QpSolution Solution, IReadOnlyList<string> Notes) SolveEfficientRisk(PortfolioInput input, PortfolioConstraints c, double[] lower, double target)
    {
        // vol(λ) decreases in λ. Bracket in log λ, then bisect.
        var iterations = 0;
        double[]? warm = null;
        (double[] W, QpSolution S, double Vol) At(double lambda)
        {
            var (w, s, _) = SolveW(input, c, lower, risk: 2 * lambda, returnWeight: 1, extraRows: [], start: warm, score: input.ExpectedReturns, curvature: 1e-12);
            iterations += s.Iterations;
            warm = s.X;
            return (w, s, Math.Sqrt(input.PortfolioVariance(w)));
        }

        double lo = 1e-6, hi = 1e6;
        var atLo = At(lo);
        if (atLo.Vol <= target + 1e-9)
        {
            return (atLo.W, atLo.S with { Iterations = iterations }, ["volatility cap not binding: highest-return portfolio returned"]);
        }

        var atHi = At(hi);
        if (atHi.Vol > target + 1e-9)
        {
            // The target lies between the minimum volatility and the λ = 1e6 portfolio: the min-volatility portfolio
            // is the answer (the caller checked target ≥ minimum volatility).
            var (w, s, _) = SolveW(input, c, lower, risk: 2, returnWeight: 0, extraRows: [], start: null, score: input.ExpectedReturns);
            return (w, s with { Iterations = iterations + s.Iterations }, ["target volatility equals the minimum volatility"]);
        }

        var best = atHi;
        for (var k = 0; k < 200 && Math.Log(hi / lo) > 1e-13; k++)
        {
            var mid = Math.Sqrt(lo * hi);
            var r = At(mid);
            if (r.Vol > target)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
                best = r;
            }

            if (Math.Abs(r.Vol - target) <= 1e-10)
            {
                best = r;
                break;
            }
        }

        var gap = Math.Abs(best.Vol - target);
        return (best.W, best.S with { Iterations = iterations, Residual = Math.Max(best.S.Residual, gap > 1e-9 ? gap : 0) }, []);
    }

    private static (double[] W, QpSolution Solution, IReadOnlyList<string> Notes) SolveMaxSharpe(PortfolioInput input, PortfolioConstraints c, double[] lower, double rf)
    {
        var n = input.Count;
        var (_, hi) = c.Bounds(n);
        var excess = input.ExpectedReturns.Select(m => m - rf).ToArray();
        var w0 = MaxReturnWeights(input, c with { LowerBounds = lower }, excess);
        var best = Kernels.Dot(excess, w0);
        if (!(best > 1e-12))
        {
            throw new QuantException(Outcome.NoExcessReturn, Inv($"no allowed portfolio has an expected return above the risk-free rate {rf:P2} (the best exceeds it by {best:P4}); max Sharpe is undefined"));
        }

        var p = new double[n * n];
        var cov = input.Covariance;
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                p[i * n + j] = 2 * cov[i * n + j];
            }

            p[i * n + i] += 2 * c.Gamma;
        }

        var qp = new QuadraticProgram(n, p, new double[n]);
        qp.Equalities.Add(new LinearRow(excess, 1, "excess return normalisation"));
        var shorts = lower.Any(v => v < 0);
        // A w-space row aᵀw ≤ b becomes (a − b·1)ᵀy ≤ 0.
        void Homogeneous(double[] a, double b, string name)
        {
            var row = new double[n];
            for (var i = 0; i < n; i++)
            {
                row[i] = a[i] - b;
            }

            qp.Inequalities.Add(new LinearRow(row, 0, name));
        }

        for (var i = 0; i < n; i++)
        {
            if (lower[i] == 0)
            {
                qp.Lower[i] = 0;
            }
            else
            {
                var a = new double[n];
                a[i] = -1;
                Homogeneous(a, -lower[i], $"{input.Assets[i]} at least {lower[i].ToString(CultureInfo.InvariantCulture)}");
            }

            if (hi[i] < 1 || shorts)
            {
                var a = new double[n];
                a[i] = 1;
                Homogeneous(a, hi[i], $"{input.Assets[i]} at most {hi[i].ToString(CultureInfo.InvariantCulture)}");
            }
        }

        if (shorts)
        {
            qp.Inequalities.Add(new LinearRow(Enumerable.Repeat(-1.0, n).ToArray(), 0, "positive scale"));
        }

        foreach (var g in c.Groups)
        {
            var a = new double[n];
            foreach (var m in g.Members)
            {
                a[m] = 1;
            }

            Homogeneous(a, g.Max, $"group {g.Name} at most {g.Max.ToString(CultureInfo.InvariantCulture)}");
            if (g.Min > 0)
            {
                Homogeneous(a.Select(v => -v).ToArray(), -g.Min, $"group {g.Name} at least {g.Min.ToString(CultureInfo.InvariantCulture)}");
            }
        }

        foreach (var r in c.Inequalities)
        {
            Homogeneous(r.A, r.B, r.Name);
        }

        var y0 = w0.Select(v => v / best).ToArray();
        var sol = ActiveSetSolver.Solve(qp, y0);
        var kappa = sol.X.Sum();
        var w = Clean(sol.X.Select(v => v / kappa).ToArray(), lower, hi);
        return (w, sol, []);
    }

    private static (double[] W, QpSolution Solution, IReadOnlyList<string> Notes) WithMinHoldings(
        PortfolioInput input,
        PortfolioConstraints c,
        Func<double[], (double[] W, QpSolution Solution, IReadOnlyList<string> Notes)> solve)
    {
        var n = input.Count;
        var (lower, _) = c.Bounds(n);
        var result = solve(lower);
        if (c.MinHoldings <= 0)
        {
            return result;
        }

        var threshold = c.MinHoldingWeight - 1e-9;
        var rounds = 0;
        var iterations = result.Solution.Iterations;
        while (true)
        {
            var held = Enumerable.Range(0, n).Count(i => result.W[i] >= threshold);
            if (held >= c.MinHoldings)
            {
                var note = rounds == 0 ? [] : new[] { Inv($"minimum holdings: {rounds} round(s) of forcing assets in (heuristic)") };
                return (result.W, result.Solution with { Iterations = iterations }, [.. result.Notes, .. note]);
            }

            // Force in the missing assets whose lower-bound multiplier is smallest (cheapest marginal cost).
            var mult = result.Solution.LowerMultipliers;
            var candidates = Enumerable.Range(0, n)
                .Where(i => result.W[i] < threshold && lower[i] < c.MinHoldingWeight)
                .OrderBy(i => i < mult.Length ? mult[i] : 0)
                .Take(c.MinHoldings - held)
                .ToList();
            if (candidates.Count == 0)
            {
                throw new QuantException(Outcome.Infeasible, Inv($"cannot reach {c.MinHoldings} holdings of at least {c.MinHoldingWeight}"));
            }

            foreach (var i in candidates)
            {
                lower[i] = c.MinHoldingWeight;
            }

            rounds++;
            result = solve(lower);
            iterations += result.Solution.Iterations;
        }
    }

    /// <summary>Lowest bounds first, then raise assets in order of descending score up to their caps until Σw = 1.</summary>
    internal static double[] Greedy(double[] lo, double[] hi, double[] score)
    {
        var n = lo.Length;
        var w = (double[])lo.Clone();
        var remaining = 1 - lo.Sum();
        var order = Enumerable.Range(0, n).OrderByDescending(i => score[i]).ThenBy(i => i);
        foreach (var i in order)
        {
            if (remaining <= 0)
            {
                break;
            }

            var add = Math.Min(hi[i] - lo[i], remaining);
            w[i] += add;
            remaining -= add;
        }

        return w;
    }

    private static double[] NegVariance(PortfolioInput input) =>
        Enumerable.Range(0, input.Count).Select(i => -input.Covariance[i * input.Count + i]).ToArray();

    /// <summary>Snaps values within 1e-12 of a bound onto it and renormalises the tiny remainder.</summary>
    private static double[] Clean(double[] w, double[] lo, double[] hi)
    {
        for (var i = 0; i < w.Length; i++)
        {
            if (Math.Abs(w[i] - lo[i]) < 1e-12)
            {
                w[i] = lo[i];
            }
            else if (Math.Abs(w[i] - hi[i]) < 1e-12)
            {
                w[i] = hi[i];
            }
        }

        return w;
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
