using TreasuryArena.Core.Common;

namespace TreasuryArena.Core.Quant;

/// <summary>
/// Expected annual returns per asset, each over the asset's own history (PyPortfolioOpt's convention for ragged data).
/// Compounded (geometric): (∏(1 + r))^(frequency / count) - 1; arithmetic: mean(r) × frequency;
/// exponentially weighted: the last value of an EWM mean with span s (α = 2 / (s + 1), pandas adjust=True weights
/// (1 - α)^k by distance k from the last row), then compounded or × frequency.
/// </summary>
public static class ExpectedReturns
{
    public static double[] MeanHistorical(ReturnTable returns, bool compounding = true, double frequency = 252)
    {
        ArgumentNullException.ThrowIfNull(returns);
        Returns.CheckPeriods(frequency);
        var mu = new double[returns.AssetCount];
        for (var j = 0; j < mu.Length; j++)
        {
            var c = returns.Column(j);
            double growth = 1, sum = 0;
            var n = 0;
            foreach (var r in c)
            {
                if (double.IsNaN(r))
                {
                    continue;
                }

                growth *= 1 + r;
                sum += r;
                n++;
            }

            mu[j] = compounding ? Math.Pow(growth, frequency / n) - 1 : sum / n * frequency;
        }

        return mu;
    }

    /// <summary>
    /// Arithmetic mean returns shrunk toward their cross-sectional mean, positive-part James–Stein (Jorion 1986's
    /// Bayes–Stein form with the grand mean as the prior): with m_i each asset's mean daily return over its own
    /// T_i returns, v_i = s_i² / T_i its sampling variance (s_i the ddof-1 standard deviation), m̄ = the equal-weight
    /// mean of the m_i and k assets, δ = min(1, (k − 3) · mean(v_i) / Σ(m_i − m̄)²) and μ_i = (m̄ + (1 − δ)(m_i − m̄)) ×
    /// frequency. With fewer than 4 assets the spread of the means cannot be told from noise and δ = 1. A δ near 1 says
    /// the history does not distinguish the assets' returns.
    /// </summary>
    public static ShrunkReturns ShrinkTowardMean(ReturnTable returns, double frequency = 252)
    {
        ArgumentNullException.ThrowIfNull(returns);
        Returns.CheckPeriods(frequency);
        var k = returns.AssetCount;
        var means = new double[k];
        var sampling = new double[k];
        int minObs = int.MaxValue, maxObs = 0;
        for (var j = 0; j < k; j++)
        {
            double sum = 0, sumSq = 0;
            var n = 0;
            foreach (var r in returns.Column(j))
            {
                if (double.IsNaN(r))
                {
                    continue;
                }

                sum += r;
                sumSq += r * r;
                n++;
            }

            if (n < 2)
            {
                throw new QuantException(Outcome.InvalidInput, $"{returns.Assets[j]} has {n} returns; a mean and its sampling variance need at least 2");
            }

            means[j] = sum / n;
            var variance = Math.Max(0, (sumSq - (n * means[j] * means[j])) / (n - 1));
            sampling[j] = variance / n;
            minObs = Math.Min(minObs, n);
            maxObs = Math.Max(maxObs, n);
        }

        var prior = k == 0 ? 0 : means.Average();
        var spread = means.Sum(m => (m - prior) * (m - prior));
        var intensity = k < 4 || !(spread > 0) ? 1.0 : Math.Min(1.0, (k - 3) * sampling.Average() / spread);
        var values = means.Select(m => (prior + ((1 - intensity) * (m - prior))) * frequency).ToArray();
        return new ShrunkReturns(values, means.Select(m => m * frequency).ToArray(), prior * frequency, intensity, k == 0 ? 0 : minObs, maxObs);
    }

    public static double[] Ema(ReturnTable returns, double span = 500, bool compounding = true, double frequency = 252)
    {
        ArgumentNullException.ThrowIfNull(returns);
        Returns.CheckPeriods(frequency);
        if (!(span >= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(span), span, "span must be at least 1");
        }

        var mu = new double[returns.AssetCount];
        for (var j = 0; j < mu.Length; j++)
        {
            var m = EwmLast(returns.Column(j), span);
            mu[j] = compounding ? Math.Pow(1 + m, frequency) - 1 : m * frequency;
        }

        return mu;
    }

    /// <summary>pandas <c>ewm(span).mean().iloc[-1]</c> with adjust=True, ignore_na=False: NaN rows still age the weights.</summary>
    internal static double EwmLast(ReadOnlySpan<double> x, double span)
    {
        var decay = 1 - 2 / (span + 1);
        double num = 0, den = 0, w = 1;
        for (var i = x.Length - 1; i >= 0; i--)
        {
            if (!double.IsNaN(x[i]))
            {
                num += w * x[i];
                den += w;
            }

            w *= decay;
        }

        return den > 0 ? num / den : double.NaN;
    }
}
