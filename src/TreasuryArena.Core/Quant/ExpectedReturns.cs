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
