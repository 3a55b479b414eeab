using TreasuryArena.Core.Common;

namespace TreasuryArena.Core.Quant;

/// <summary>
/// Efficient risk with a cash remainder: maximise μᵀw subject to √(wᵀΣw) ≤ ceiling, 0 ≤ w_i ≤ upper_i, an exposure cap
/// eᵀw ≤ cap and Σw ≤ 1 (or an invested cap Σw ≤ c below 1, and lower bounds that force assets in), the rest held in cash (which earns nothing and has no risk). Solved by
/// <see cref="PortfolioOptimizer.EfficientRisk"/> on the assets plus a cash asset (expected return 0, variance
/// <see cref="CashVariance"/> so the active-set Cholesky stays definite), so every limit is one row of the same QP.
/// With <c>minimumVariance</c> every asset's return is taken as equal (1): the objective is then to invest as much
/// as the limits allow in the least-variance mix (at a non-binding ceiling exactly the fully invested minimum-variance
/// portfolio under the bounds; at a binding one, its direction scaled down with cash), the fallback when expected
/// returns carry no usable information.
/// </summary>
public static class RiskLimitedAllocation
{
    /// <summary>The variance given to cash in the solve (σ = 0.01% a year): numerically definite, economically nil.</summary>
    public const double CashVariance = 1e-8;

    /// <summary>The ceiling used when none is given (1,000% a year: never binds).</summary>
    public const double NoCeiling = 10;

    public static RiskLimitedResult Solve(
        PortfolioInput input,
        IReadOnlyList<double> upper,
        IReadOnlyList<double> exposure,
        double? volatilityCeiling,
        double? exposureCap,
        bool minimumVariance,
        double? investedCap = null,
        IReadOnlyList<double>? lower = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(upper);
        ArgumentNullException.ThrowIfNull(exposure);
        var n = input.Count;
        if (upper.Count != n || exposure.Count != n)
        {
            throw new ArgumentException($"{n} assets need {n} upper bounds and {n} exposures");
        }

        if (volatilityCeiling is { } vc && !(vc > 0) || exposureCap is { } ec && !(ec >= 0) || investedCap is { } ic && !(ic >= 0) || lower is { } lo && lo.Count != n)
        {
            throw new QuantException(Outcome.InvalidInput, "the volatility ceiling must be positive and the exposure cap non-negative");
        }

        var mu = minimumVariance ? Enumerable.Repeat(1.0, n).ToArray() : input.ExpectedReturns;
        if (!Enumerable.Range(0, n).Any(i => mu[i] > 0 && upper[i] > 0))
        {
            return Result(input, new double[n], exposure, volatilityCeiling, exposureCap, 0);
        }

        var m = n + 1;
        var assets = input.Assets.Append("CASH").ToArray();
        var cov = new double[m * m];
        for (var i = 0; i < n; i++)
        {
            Array.Copy(input.Covariance, i * n, cov, i * m, n);
        }

        cov[(m * m) - 1] = CashVariance;
        var rows = new List<LinearRow>();
        if (exposureCap is { } capValue)
        {
            rows.Add(new LinearRow([.. exposure, 0.0], capValue, "exposure cap"));
        }

        if (investedCap is { } invested)
        {
            // An invested-share cap (an IPS's volatile share or liquidity reserve): Σw ≤ cap, cash takes the rest.
            rows.Add(new LinearRow([.. Enumerable.Repeat(1.0, n), 0.0], invested, "invested cap"));
        }

        var constraints = new PortfolioConstraints
        {
            UpperBounds = [.. upper, 1.0],
            LowerBounds = lower is null ? null : [.. lower, 0.0],
            Inequalities = rows,
        };
        var augmented = new PortfolioInput(assets, [.. mu, 0.0], cov);
        var result = PortfolioOptimizer.EfficientRisk(augmented, volatilityCeiling ?? NoCeiling, constraints, riskFreeRate: 0);
        var w = new double[n];
        for (var i = 0; i < n; i++)
        {
            w[i] = Math.Clamp(result.Weights[i], lower is null ? 0 : lower[i], upper[i]);
        }

        return Result(input, w, exposure, volatilityCeiling, exposureCap, result.Iterations);
    }

    private static RiskLimitedResult Result(PortfolioInput input, double[] w, IReadOnlyList<double> exposure, double? ceiling, double? cap, int iterations)
    {
        var vol = Math.Sqrt(input.PortfolioVariance(w));
        var e = 0.0;
        for (var i = 0; i < w.Length; i++)
        {
            e += exposure[i] * w[i];
        }

        return new RiskLimitedResult(w, 1 - w.Sum(), input.PortfolioReturn(w), vol, e,
            ceiling is { } c && vol >= c - 1e-4, cap is { } k && e >= k - 1e-4, iterations);
    }
}
