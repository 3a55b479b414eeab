using System.Globalization;
using TreasuryArena.Core.Common;

namespace TreasuryArena.Core.Quant;

/// <summary>
/// Equal risk contribution (long-only, fully invested): every asset's risk contribution w_i (Σw)_i is the same.
/// Solved through the strictly convex problem min ½ yᵀΣy − Σ b_i ln y_i (y &gt; 0, Spinu 2013 / Maillard–Roncalli–Teïletche),
/// whose optimum satisfies y_i (Σy)_i = b_i; w = y / Σy. Newton's method with Cholesky and a backtracking line search
/// that keeps y positive; converged when max_i |w_i (Σw)_i / wᵀΣw − b_i| &lt; 1e-10. Box bounds other than long-only
/// are not part of this problem (the ERC portfolio is unique); use HRP or a capped mean–variance objective for caps.
/// </summary>
public static class RiskParity
{
    public static PortfolioResult Solve(PortfolioInput input, double riskFreeRate = 0.02, IReadOnlyList<double>? budgets = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        var n = input.Count;
        var cov = input.Covariance;
        var b = budgets?.ToArray() ?? Enumerable.Repeat(1.0 / n, n).ToArray();
        if (b.Length != n || b.Any(v => !(v > 0)) || Math.Abs(b.Sum() - 1) > 1e-9)
        {
            throw new QuantException(Outcome.InvalidInput, "risk budgets must be positive and sum to 1");
        }

        for (var i = 0; i < n; i++)
        {
            if (!(cov[i * n + i] > 0))
            {
                throw new QuantException(Outcome.InvalidInput, $"{input.Assets[i]} has zero variance; risk parity needs every asset to carry risk");
            }
        }

        var y = new double[n];
        for (var i = 0; i < n; i++)
        {
            y[i] = 1 / Math.Sqrt(cov[i * n + i]);
        }

        // Scale so that yᵀΣy = 1 (the optimum has yᵀΣy = Σb = 1).
        var s0 = Math.Sqrt(Quad(cov, y, n));
        for (var i = 0; i < n; i++)
        {
            y[i] /= s0;
        }

        var sy = new double[n];
        var grad = new double[n];
        var h = new double[n * n];
        var step = new double[n];
        var trial = new double[n];
        var iterations = 0;
        var residual = double.PositiveInfinity;
        for (; iterations < 100; iterations++)
        {
            MatVec(cov, y, sy, n);
            residual = Residual(y, sy, b);
            if (residual < 1e-10)
            {
                break;
            }

            for (var i = 0; i < n; i++)
            {
                grad[i] = sy[i] - b[i] / y[i];
            }

            Array.Copy(cov, h, n * n);
            for (var i = 0; i < n; i++)
            {
                h[i * n + i] += b[i] / (y[i] * y[i]);
            }

            if (!Kernels.Cholesky(h, n, n))
            {
                throw new QuantException(Outcome.NotConvex, "the covariance is not positive semidefinite");
            }

            for (var i = 0; i < n; i++)
            {
                step[i] = -grad[i];
            }

            Kernels.ForwardSolve(h, n, n, step);
            Kernels.BackSolve(h, n, n, step);
            var f0 = Objective(cov, y, b, n);
            var slope = Kernels.Dot(grad, step);
            var t = 1.0;
            for (var i = 0; i < n; i++)
            {
                if (step[i] < 0)
                {
                    t = Math.Min(t, -0.95 * y[i] / step[i]);
                }
            }

            while (true)
            {
                for (var i = 0; i < n; i++)
                {
                    trial[i] = y[i] + t * step[i];
                }

                if (Objective(cov, trial, b, n) <= f0 + 1e-4 * t * slope || t < 1e-12)
                {
                    break;
                }

                t *= 0.5;
            }

            Array.Copy(trial, y, n);
        }

        if (residual >= 1e-8)
        {
            throw new QuantException(Outcome.NotConverged, string.Create(CultureInfo.InvariantCulture, $"risk parity did not converge (residual {residual:G3})"));
        }

        var sum = y.Sum();
        var w = y.Select(v => v / sum).ToArray();
        return PortfolioResult.Create("risk_parity", input, w, riskFreeRate, iterations, residual);
    }

    /// <summary>Risk contributions w_i (Σw)_i / wᵀΣw (they sum to 1).</summary>
    public static double[] RiskContributions(PortfolioInput input, ReadOnlySpan<double> w)
    {
        ArgumentNullException.ThrowIfNull(input);
        var n = input.Count;
        var sw = new double[n];
        MatVec(input.Covariance, w, sw, n);
        var total = Kernels.Dot(w, sw);
        var rc = new double[n];
        for (var i = 0; i < n; i++)
        {
            rc[i] = w[i] * sw[i] / total;
        }

        return rc;
    }

    private static double Residual(double[] y, double[] sy, double[] b)
    {
        var total = Kernels.Dot(y, sy);
        var r = 0.0;
        for (var i = 0; i < y.Length; i++)
        {
            r = Math.Max(r, Math.Abs(y[i] * sy[i] / total - b[i]));
        }

        return r;
    }

    private static double Objective(double[] cov, double[] y, double[] b, int n)
    {
        var f = 0.5 * Quad(cov, y, n);
        for (var i = 0; i < n; i++)
        {
            f -= b[i] * Math.Log(y[i]);
        }

        return f;
    }

    private static double Quad(double[] cov, ReadOnlySpan<double> y, int n)
    {
        var s = 0.0;
        for (var i = 0; i < n; i++)
        {
            s += y[i] * Kernels.Dot(cov.AsSpan(i * n, n), y);
        }

        return s;
    }

    private static void MatVec(double[] cov, ReadOnlySpan<double> y, double[] result, int n)
    {
        for (var i = 0; i < n; i++)
        {
            result[i] = Kernels.Dot(cov.AsSpan(i * n, n), y);
        }
    }
}
