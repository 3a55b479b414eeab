using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Double;
using TreasuryArena.Core.Common;

namespace TreasuryArena.Core.Quant;

/// <summary>
/// Annualised covariance estimators (PyPortfolioOpt conventions). Ragged histories: sample, exponential and semi
/// covariance use pairwise-complete observations (each pair over the dates where both have a return, with that
/// subset's means); Ledoit–Wolf needs a full matrix and treats a missing return as 0 (PyPortfolioOpt's
/// <c>nan_to_num</c>), which is reported in <see cref="CovarianceEstimate.Notes"/>. A pairwise matrix that is not
/// positive semidefinite is repaired by spectral clipping (<see cref="PsdRepair"/>).
/// </summary>
public static class RiskModels
{
    /// <summary>Sample covariance, ddof 1, pairwise-complete, × frequency.</summary>
    public static CovarianceEstimate Sample(ReturnTable returns, double frequency = 252)
    {
        ArgumentNullException.ThrowIfNull(returns);
        Returns.CheckPeriods(frequency);
        var n = returns.AssetCount;
        var cov = new double[n * n];
        if (returns.IsComplete)
        {
            var t = returns.RowCount;
            if (t < 2)
            {
                throw new QuantException(Outcome.TooFewPoints, "sample covariance needs at least 2 returns");
            }

            var centered = Center(returns.Columns);
            Kernels.GramAndSquaredSum(centered, cov);
            Scale(cov, frequency / (t - 1));
            return Build(returns, cov, "sample", null, checkPsd: false, []);
        }

        PairwiseLoop(returns.Columns, cov, static (x, y, mask) =>
        {
            double mx = 0, my = 0;
            var c = 0;
            foreach (var k in mask)
            {
                mx += x[k];
                my += y[k];
                c++;
            }

            if (c < 2)
            {
                return double.NaN;
            }

            mx /= c;
            my /= c;
            var s = 0.0;
            foreach (var k in mask)
            {
                s += (x[k] - mx) * (y[k] - my);
            }

            return s / (c - 1);
        });
        Scale(cov, frequency);
        return Build(returns, cov, "sample", null, checkPsd: true, ["pairwise-complete observations (ragged histories)"]);
    }

    /// <summary>
    /// Pearson correlation, row-major n × n, each pair over the dates both assets have a return (pandas
    /// <c>DataFrame.corr</c>): both means and both standard deviations come from that overlapping window, so the
    /// result is a correlation even where histories are ragged (cov_ij / √(cov_ii·cov_jj) with variances over each
    /// asset's whole history is not). A pair with fewer than 2 common returns, or a constant series over the
    /// window, has no correlation (NaN); the diagonal is 1.
    /// </summary>
    public static double[] Correlation(ReturnTable returns)
    {
        ArgumentNullException.ThrowIfNull(returns);
        var n = returns.AssetCount;
        var corr = new double[n * n];
        PairwiseLoop(returns.Columns, corr, static (x, y, mask) =>
        {
            double mx = 0, my = 0;
            var c = mask.Count;
            if (c < 2)
            {
                return double.NaN;
            }

            foreach (var k in mask)
            {
                mx += x[k];
                my += y[k];
            }

            mx /= c;
            my /= c;
            double sxy = 0, sxx = 0, syy = 0;
            foreach (var k in mask)
            {
                var dx = x[k] - mx;
                var dy = y[k] - my;
                sxy += dx * dy;
                sxx += dx * dx;
                syy += dy * dy;
            }

            return sxx > 0 && syy > 0 ? Math.Clamp(sxy / Math.Sqrt(sxx * syy), -1, 1) : double.NaN;
        });
        for (var i = 0; i < n; i++)
        {
            corr[i * n + i] = 1;
        }

        return corr;
    }

    /// <summary>
    /// Semicovariance against a per-period benchmark (default 0.000079 ≈ 2% a year daily): d = min(r - b, 0),
    /// Σ_ij = mean over pairwise-complete dates of d_i d_j (denominator: that count), × frequency.
    /// </summary>
    public static CovarianceEstimate Semi(ReturnTable returns, double benchmark = 0.000079, double frequency = 252)
    {
        ArgumentNullException.ThrowIfNull(returns);
        Returns.CheckPeriods(frequency);
        var n = returns.AssetCount;
        var drops = returns.Columns.Select(c => c.Select(r => double.IsNaN(r) ? double.NaN : Math.Min(r - benchmark, 0)).ToArray()).ToArray();
        var cov = new double[n * n];
        if (returns.IsComplete)
        {
            Kernels.GramAndSquaredSum(drops, cov);
            Scale(cov, frequency / returns.RowCount);
            return Build(returns, cov, "semicovariance", null, checkPsd: false, []);
        }

        PairwiseLoop(drops, cov, static (x, y, mask) =>
        {
            double s = 0;
            var c = 0;
            foreach (var k in mask)
            {
                s += x[k] * y[k];
                c++;
            }

            return c == 0 ? double.NaN : s / c;
        });
        Scale(cov, frequency);
        return Build(returns, cov, "semicovariance", null, checkPsd: true, ["pairwise-complete observations (ragged histories)"]);
    }

    /// <summary>
    /// Exponentially weighted covariance (span s, default 180): for each pair, the EWM mean (pandas adjust=True) of
    /// (x - mean x)(y - mean y) over the dates where both exist, its last value × frequency. Means are each asset's own.
    /// </summary>
    public static CovarianceEstimate Exponential(ReturnTable returns, double span = 180, double frequency = 252)
    {
        ArgumentNullException.ThrowIfNull(returns);
        Returns.CheckPeriods(frequency);
        if (!(span >= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(span), span, "span must be at least 1");
        }

        var n = returns.AssetCount;
        var t = returns.RowCount;
        var decay = 1 - 2 / (span + 1);
        var weights = new double[t];
        var w = 1.0;
        for (var k = t - 1; k >= 0; k--)
        {
            weights[k] = w;
            w *= decay;
        }

        var cov = new double[n * n];
        if (returns.IsComplete)
        {
            var centered = Center(returns.Columns);
            var sqrtW = weights.Select(Math.Sqrt).ToArray();
            foreach (var c in centered)
            {
                for (var k = 0; k < t; k++)
                {
                    c[k] *= sqrtW[k];
                }
            }

            Kernels.GramAndSquaredSum(centered, cov);
            Scale(cov, frequency / weights.Sum());
            return Build(returns, cov, "exponential", null, checkPsd: false, []);
        }

        var means = returns.Columns.Select(c => c.Where(v => !double.IsNaN(v)).Average()).ToArray();
        var cols = returns.Columns;
        for (var i = 0; i < n; i++)
        {
            for (var j = i; j < n; j++)
            {
                double num = 0, den = 0;
                var x = cols[i];
                var y = cols[j];
                for (var k = 0; k < t; k++)
                {
                    if (!double.IsNaN(x[k]) && !double.IsNaN(y[k]))
                    {
                        num += weights[k] * (x[k] - means[i]) * (y[k] - means[j]);
                        den += weights[k];
                    }
                }

                cov[i * n + j] = cov[j * n + i] = den > 0 ? num / den * frequency : double.NaN;
            }
        }

        return Build(returns, cov, "exponential", null, checkPsd: true, ["pairwise-complete observations (ragged histories)"]);
    }

    /// <summary>
    /// Ledoit–Wolf shrinkage Σ̂ = δF + (1 - δ)S, annualised, with the optimal intensity δ ∈ [0, 1] for the target.
    /// X is the T × n return matrix (missing returns as 0), centred per column; S = XᵀX / T.
    /// Constant variance: F = μI, μ = tr S / n, δ = min(b, d) / d with d = ‖S - μI‖²_F / n and
    /// b = (Σ_{ij} Σ_t x_ti² x_tj² / T - ‖S‖²_F) / (nT) (scikit-learn's ledoit_wolf).
    /// Single factor and constant correlation: δ = max(0, min(1, κ / T)), κ = (π - ρ) / γ (Ledoit–Wolf 2003, 2004).
    /// One pass of n²T work computes S and Σ_{ij} Σ_t (x_ti x_tj)²; every other term is O(n² + nT).
    /// </summary>
    public static CovarianceEstimate LedoitWolf(ReturnTable returns, ShrinkageTarget target = ShrinkageTarget.ConstantVariance, double frequency = 252)
    {
        ArgumentNullException.ThrowIfNull(returns);
        Returns.CheckPeriods(frequency);
        var n = returns.AssetCount;
        var t = returns.RowCount;
        if (t < 2)
        {
            throw new QuantException(Outcome.TooFewPoints, "Ledoit–Wolf needs at least 2 returns");
        }

        var notes = new List<string>();
        var missing = 0;
        var x = new double[n][];
        for (var j = 0; j < n; j++)
        {
            // Zero-fill missing returns, then centre: one copy per column.
            var src = returns.Columns[j];
            var col = new double[t];
            var sum = 0.0;
            for (var k = 0; k < t; k++)
            {
                var v = src[k];
                if (double.IsNaN(v))
                {
                    missing++;
                    v = 0;
                }

                col[k] = v;
                sum += v;
            }

            var mean = sum / t;
            for (var k = 0; k < t; k++)
            {
                col[k] -= mean;
            }

            x[j] = col;
        }

        if (missing > 0)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"{missing} missing returns treated as 0 (PyPortfolioOpt convention); use complete alignment to avoid"));
        }

        var s = new double[n * n];
        var sumSquaredProducts = Kernels.GramAndSquaredSum(x, s) / t;
        Scale(s, 1.0 / t);

        var (f, delta) = target switch
        {
            ShrinkageTarget.ConstantVariance => ConstantVariance(s, n, t, sumSquaredProducts),
            ShrinkageTarget.SingleFactor => SingleFactor(x, s, n, t, sumSquaredProducts),
            ShrinkageTarget.ConstantCorrelation => ConstantCorrelation(x, s, n, t, sumSquaredProducts),
            _ => throw new ArgumentOutOfRangeException(nameof(target)),
        };

        var result = new double[n * n];
        for (var k = 0; k < result.Length; k++)
        {
            result[k] = (delta * f[k] + (1 - delta) * s[k]) * frequency;
        }

        var method = target switch
        {
            ShrinkageTarget.ConstantVariance => "ledoit_wolf_constant_variance",
            ShrinkageTarget.SingleFactor => "ledoit_wolf_single_factor",
            _ => "ledoit_wolf_constant_correlation",
        };
        return Build(returns, result, method, delta, checkPsd: false, notes);
    }

    /// <summary>
    /// Spectral repair: when Cholesky of Σ + 1e-16·I fails, eigenvalues below zero are clipped to zero.
    /// Returns the (possibly new) matrix and the repair, or null when none was needed.
    /// </summary>
    public static (double[] Matrix, PsdRepair? Repair) RepairIfNotPsd(double[] cov, int n)
    {
        ArgumentNullException.ThrowIfNull(cov);
        var work = (double[])cov.Clone();
        for (var i = 0; i < n; i++)
        {
            work[i * n + i] += 1e-16;
        }

        if (Kernels.Cholesky(work, n, n))
        {
            return (cov, null);
        }

        var m = DenseMatrix.Build.Dense(n, n, cov);
        var evd = m.Evd(Symmetricity.Symmetric);
        var values = evd.EigenValues.Select(c => c.Real).ToArray();
        var clipped = DenseVector.OfEnumerable(values.Select(v => Math.Max(v, 0)));
        var fixedM = evd.EigenVectors * DenseMatrix.OfDiagonalVector(clipped) * evd.EigenVectors.Transpose();
        var result = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                result[i * n + j] = 0.5 * (fixedM[i, j] + fixedM[j, i]);
            }
        }

        var change = Math.Sqrt(result.Zip(cov, (a, b) => (a - b) * (a - b)).Sum());
        return (result, new PsdRepair(values.Min(), values.Count(v => v < 0), change));
    }

    private static (double[] F, double Delta) ConstantVariance(double[] s, int n, int t, double sumSq)
    {
        var mu = 0.0;
        for (var i = 0; i < n; i++)
        {
            mu += s[i * n + i];
        }

        mu /= n;
        var frob = s.Sum(v => v * v);
        var b = (sumSq - frob) / (n * (double)t);
        var d = (frob - n * mu * mu) / n;
        b = Math.Min(b, d);
        var delta = b == 0 ? 0.0 : Math.Clamp(b / d, 0, 1);
        var f = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            f[i * n + i] = mu;
        }

        return (f, delta);
    }

    private static (double[] F, double Delta) SingleFactor(double[][] x, double[] s, int n, int t, double sumSq)
    {
        // Market: the equal-weighted mean of the centred returns (so it is centred too).
        var mkt = new double[t];
        foreach (var c in x)
        {
            for (var k = 0; k < t; k++)
            {
                mkt[k] += c[k];
            }
        }

        for (var k = 0; k < t; k++)
        {
            mkt[k] /= n;
        }

        var varMkt = mkt.Sum(v => v * v) / t;
        var beta = x.Select(c => Kernels.Dot(c, mkt) / t).ToArray(); // covariance with the market
        var f = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                f[i * n + j] = i == j ? s[i * n + i] : beta[i] * beta[j] / varMkt;
            }
        }

        var c2 = 0.0;
        var sFrob = 0.0;
        for (var k = 0; k < s.Length; k++)
        {
            c2 += (s[k] - f[k]) * (s[k] - f[k]);
            sFrob += s[k] * s[k];
        }

        var p = sumSq - sFrob;
        var rdiag = 0.0;
        for (var i = 0; i < n; i++)
        {
            var q = 0.0;
            foreach (var v in x[i])
            {
                q += v * v * v * v;
            }

            rdiag += q / t - s[i * n + i] * s[i * n + i];
        }

        // Σ_j (yᵀz)_ij β_j = Σ_t y_ti · mkt_t · Σ_j x_tj β_j ; (yᵀz)_ii = Σ_t y_ti x_ti mkt_t.
        var xb = new double[t];
        for (var j = 0; j < n; j++)
        {
            Kernels.Axpy(beta[j], x[j], xb);
        }

        double roff1 = 0, roff3a = 0, roff3b = 0;
        for (var i = 0; i < n; i++)
        {
            double yzb = 0, yzii = 0, zzii = 0;
            var c = x[i];
            for (var k = 0; k < t; k++)
            {
                var y = c[k] * c[k];
                yzb += y * mkt[k] * xb[k];
                yzii += y * c[k] * mkt[k];
                zzii += y * mkt[k] * mkt[k];
            }

            var sRowBeta = 0.0;
            for (var j = 0; j < n; j++)
            {
                sRowBeta += s[i * n + j] * beta[j];
            }

            // v1_ij = (yᵀz)_ij / T - β_i S_ij
            roff1 += (yzb / t - beta[i] * sRowBeta) / varMkt;
            roff1 -= (yzii / t - beta[i] * s[i * n + i]) * beta[i] / varMkt;
            // v3_ii = (zᵀz)_ii / T - varMkt S_ii
            roff3b += (zzii / t - varMkt * s[i * n + i]) * beta[i] * beta[i];
            roff3a -= varMkt * beta[i] * sRowBeta;
        }

        // Σ_ij (zᵀz)_ij β_i β_j / T = Σ_t mkt_t² (Σ_i x_ti β_i)² / T
        var zzbb = 0.0;
        for (var k = 0; k < t; k++)
        {
            zzbb += mkt[k] * mkt[k] * xb[k] * xb[k];
        }

        roff3a += zzbb / t;
        var roff3 = (roff3a - roff3b) / (varMkt * varMkt);
        var r = rdiag + 2 * roff1 - roff3;
        var kappa = c2 > 0 ? (p - r) / c2 : 0;
        return (f, Math.Max(0, Math.Min(1, kappa / t)));
    }

    private static (double[] F, double Delta) ConstantCorrelation(double[][] x, double[] s, int n, int t, double sumSq)
    {
        var sd = new double[n];
        for (var i = 0; i < n; i++)
        {
            sd[i] = Math.Sqrt(s[i * n + i]);
        }

        var rbar = 0.0;
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                if (i != j)
                {
                    rbar += s[i * n + j] / (sd[i] * sd[j]);
                }
            }
        }

        rbar /= n * (n - 1.0);
        var f = new double[n * n];
        double gamma = 0, sFrob = 0;
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var v = i == j ? s[i * n + i] : rbar * sd[i] * sd[j];
                f[i * n + j] = v;
                gamma += (s[i * n + j] - v) * (s[i * n + j] - v);
                sFrob += s[i * n + j] * s[i * n + j];
            }
        }

        // π = Σ_ij [(yᵀy)_ij / T - S_ij²]
        var pi = sumSq - sFrob;
        // ρ = Σ_i π_ii + r̄ Σ_{i≠j} (s_j / s_i) θ_ij, θ_ij = Σ_t x_ti³ x_tj / T - S_ii S_ij
        var xs = new double[t];
        for (var j = 0; j < n; j++)
        {
            Kernels.Axpy(sd[j], x[j], xs);
        }

        double piDiag = 0, thetaSum = 0;
        for (var i = 0; i < n; i++)
        {
            double q4 = 0, cross = 0;
            var c = x[i];
            for (var k = 0; k < t; k++)
            {
                var c3 = c[k] * c[k] * c[k];
                q4 += c3 * c[k];
                cross += c3 * xs[k];
            }

            piDiag += q4 / t - s[i * n + i] * s[i * n + i];
            // Σ_j (s_j / s_i) A_ij over all j, minus the j = i term (A_ii = Σ x⁴ / T).
            var aTerm = cross / t / sd[i] - q4 / t;
            var sTerm = 0.0;
            for (var j = 0; j < n; j++)
            {
                if (j != i)
                {
                    sTerm += sd[j] / sd[i] * s[i * n + i] * s[i * n + j];
                }
            }

            thetaSum += aTerm - sTerm;
        }

        var rho = piDiag + rbar * thetaSum;
        var kappa = gamma > 0 ? (pi - rho) / gamma : 0;
        return (f, Math.Max(0, Math.Min(1, kappa / t)));
    }

    private static CovarianceEstimate Build(ReturnTable returns, double[] cov, string method, double? shrinkage, bool checkPsd, IReadOnlyList<string> notes)
    {
        var n = returns.AssetCount;
        for (var k = 0; k < cov.Length; k++)
        {
            if (double.IsNaN(cov[k]))
            {
                var i = k / n;
                var j = k % n;
                throw new QuantException(Outcome.NoOverlap, $"{returns.Assets[i]} and {returns.Assets[j]} share fewer than 2 dates with returns; their covariance is unknown");
            }
        }

        PsdRepair? repair = null;
        if (checkPsd)
        {
            (cov, repair) = RepairIfNotPsd(cov, n);
        }

        return new CovarianceEstimate
        {
            Assets = returns.Assets,
            Matrix = DenseMatrix.Build.Dense(n, n, cov),
            Method = method,
            Shrinkage = shrinkage,
            Repair = repair,
            Notes = notes,
        };
    }

    private static double[][] Center(double[][] cols)
    {
        var result = new double[cols.Length][];
        for (var j = 0; j < cols.Length; j++)
        {
            var c = cols[j];
            var m = c.Average();
            var r = new double[c.Length];
            for (var k = 0; k < c.Length; k++)
            {
                r[k] = c[k] - m;
            }

            result[j] = r;
        }

        return result;
    }

    private static void Scale(double[] a, double f)
    {
        for (var k = 0; k < a.Length; k++)
        {
            a[k] *= f;
        }
    }

    private delegate double PairFunction(double[] x, double[] y, List<int> mask);

    private static void PairwiseLoop(double[][] cols, double[] cov, PairFunction f)
    {
        var n = cols.Length;
        var mask = new List<int>(cols.Length == 0 ? 0 : cols[0].Length);
        for (var i = 0; i < n; i++)
        {
            for (var j = i; j < n; j++)
            {
                mask.Clear();
                var x = cols[i];
                var y = cols[j];
                for (var k = 0; k < x.Length; k++)
                {
                    if (!double.IsNaN(x[k]) && !double.IsNaN(y[k]))
                    {
                        mask.Add(k);
                    }
                }

                cov[i * n + j] = cov[j * n + i] = f(x, y, mask);
            }
        }
    }
}
