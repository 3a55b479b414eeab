using TreasuryArena.Core.Common;

namespace TreasuryArena.Core.Quant;

/// <summary>
/// Hierarchical risk parity (López de Prado 2016, as PyPortfolioOpt): correlation distance d = √((1 − ρ)/2),
/// single-linkage agglomerative clustering (the closest pair of clusters merges; ties by lower index), quasi-diagonal
/// order from the dendrogram (left = the merged cluster with the smaller id), then recursive bisection of that order
/// into halves, splitting weight by α = 1 − V₁/(V₁ + V₂) where V is a half's inverse-variance portfolio variance.
/// Long-only, fully invested, no other constraints. The correlation that drives the clustering is given separately
/// when histories are ragged: <see cref="RiskModels.Correlation"/> takes each pair over its overlapping window (as
/// PyPortfolioOpt's <c>returns.corr()</c>); a correlation derived from a pairwise covariance with each variance over
/// that asset's whole history is not one.
/// </summary>
public static class HierarchicalRiskParity
{
    /// <param name="input">expected returns (only reported) and the covariance whose variances weight the clusters</param>
    /// <param name="riskFreeRate">annual rate for the reported Sharpe ratio</param>
    /// <param name="correlation">row-major n × n correlation for the dendrogram; null derives it from the covariance
    /// (right for a covariance estimated over one common window)</param>
    public static PortfolioResult Solve(PortfolioInput input, double riskFreeRate = 0.02, double[]? correlation = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        var n = input.Count;
        var cov = input.Covariance;
        for (var i = 0; i < n; i++)
        {
            if (!(cov[i * n + i] > 0))
            {
                throw new QuantException(Outcome.InvalidInput, $"{input.Assets[i]} has zero variance; HRP needs every asset to carry risk");
            }
        }

        var order = correlation is null ? QuasiDiagonalOrder(cov, n) : QuasiDiagonalOrderOfCorrelation(correlation, n, input.Assets);
        var w = Enumerable.Repeat(1.0, n).ToArray();
        var clusters = new List<int[]> { order };
        while (clusters.Count > 0)
        {
            var next = new List<int[]>();
            foreach (var c in clusters)
            {
                if (c.Length > 1)
                {
                    next.Add(c[..(c.Length / 2)]);
                    next.Add(c[(c.Length / 2)..]);
                }
            }

            for (var k = 0; k < next.Count; k += 2)
            {
                var v1 = ClusterVariance(cov, n, next[k]);
                var v2 = ClusterVariance(cov, n, next[k + 1]);
                var alpha = 1 - v1 / (v1 + v2);
                foreach (var i in next[k])
                {
                    w[i] *= alpha;
                }

                foreach (var i in next[k + 1])
                {
                    w[i] *= 1 - alpha;
                }
            }

            clusters = next;
        }

        return PortfolioResult.Create("hrp", input, w, riskFreeRate, n - 1, Math.Abs(w.Sum() - 1));
    }

    /// <summary>The leaf order of the single-linkage dendrogram on the correlation implied by a covariance.</summary>
    public static int[] QuasiDiagonalOrder(double[] cov, int n)
    {
        ArgumentNullException.ThrowIfNull(cov);
        var corr = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                corr[i * n + j] = i == j ? 1 : cov[i * n + j] / Math.Sqrt(cov[i * n + i] * cov[j * n + j]);
            }
        }

        return QuasiDiagonalOrderOfCorrelation(corr, n, null);
    }

    /// <summary>The leaf order of the single-linkage dendrogram on correlation distance √((1 − ρ)/2).</summary>
    public static int[] QuasiDiagonalOrderOfCorrelation(double[] corr, int n, IReadOnlyList<string>? assets)
    {
        ArgumentNullException.ThrowIfNull(corr);
        var dist = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var rho = corr[i * n + j];
                if (double.IsNaN(rho))
                {
                    var pair = assets is null ? $"assets {i} and {j}" : $"{assets[i]} and {assets[j]}";
                    throw new QuantException(Outcome.TooFewPoints, $"{pair} have fewer than 2 common returns; HRP needs a correlation for every pair");
                }

                dist[i * n + j] = i == j ? 0 : Math.Sqrt(Math.Max(0, (1 - Math.Clamp(rho, -1, 1)) / 2));
            }
        }

        // Cluster ids: 0..n-1 leaves, n + k the k-th merge. active[slot] holds a cluster id.
        var ids = Enumerable.Range(0, n).ToList();
        var slotDist = new List<double[]>();
        for (var i = 0; i < n; i++)
        {
            slotDist.Add(dist.AsSpan(i * n, n).ToArray());
        }

        var children = new (int Left, int Right)[Math.Max(n - 1, 0)];
        var alive = Enumerable.Repeat(true, n).ToArray();
        for (var k = 0; k < n - 1; k++)
        {
            int bi = -1, bj = -1;
            var best = double.PositiveInfinity;
            for (var i = 0; i < n; i++)
            {
                if (!alive[i])
                {
                    continue;
                }

                var row = slotDist[i];
                for (var j = i + 1; j < n; j++)
                {
                    if (alive[j] && row[j] < best)
                    {
                        best = row[j];
                        bi = i;
                        bj = j;
                    }
                }
            }

            var a = ids[bi];
            var b = ids[bj];
            children[k] = (Math.Min(a, b), Math.Max(a, b));
            // Merge bj into bi (single linkage: min distance).
            for (var j = 0; j < n; j++)
            {
                if (alive[j] && j != bi && j != bj)
                {
                    var d = Math.Min(slotDist[bi][j], slotDist[bj][j]);
                    slotDist[bi][j] = d;
                    slotDist[j][bi] = d;
                }
            }

            alive[bj] = false;
            ids[bi] = n + k;
        }

        var order = new List<int>(n);
        var stack = new Stack<int>();
        stack.Push(n == 1 ? 0 : 2 * n - 2);
        while (stack.Count > 0)
        {
            var id = stack.Pop();
            if (id < n)
            {
                order.Add(id);
                continue;
            }

            var (l, r) = children[id - n];
            stack.Push(r);
            stack.Push(l);
        }

        return [.. order];
    }

    private static double ClusterVariance(double[] cov, int n, int[] members)
    {
        var ivp = members.Select(i => 1 / cov[i * n + i]).ToArray();
        var s = ivp.Sum();
        var v = 0.0;
        for (var a = 0; a < members.Length; a++)
        {
            for (var b = 0; b < members.Length; b++)
            {
                v += ivp[a] / s * (ivp[b] / s) * cov[members[a] * n + members[b]];
            }
        }

        return v;
    }
}
