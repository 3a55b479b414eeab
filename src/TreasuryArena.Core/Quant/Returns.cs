using TreasuryArena.Core.Common;

namespace TreasuryArena.Core.Quant;

/// <summary>
/// Period returns from prices. Simple return r_t = P_t / P_{t-1} - 1; log return ln(P_t / P_{t-1}).
/// Prices must be finite and strictly positive; a series needs at least two points.
/// </summary>
public static class Returns
{
    /// <summary>Simple returns (length n - 1).</summary>
    public static double[] Simple(ReadOnlySpan<double> prices)
    {
        CheckPrices(prices, "prices");
        var r = new double[prices.Length - 1];
        for (var i = 1; i < prices.Length; i++)
        {
            r[i - 1] = prices[i] / prices[i - 1] - 1.0;
        }

        return r;
    }

    /// <summary>Log returns (length n - 1).</summary>
    public static double[] Log(ReadOnlySpan<double> prices)
    {
        CheckPrices(prices, "prices");
        var r = new double[prices.Length - 1];
        for (var i = 1; i < prices.Length; i++)
        {
            r[i - 1] = Math.Log(prices[i] / prices[i - 1]);
        }

        return r;
    }

    /// <summary>Converts log returns to simple returns: exp(l) - 1.</summary>
    public static double[] SimpleFromLog(ReadOnlySpan<double> logReturns)
    {
        var r = new double[logReturns.Length];
        for (var i = 0; i < r.Length; i++)
        {
            r[i] = Math.Exp(logReturns[i]) - 1.0;
        }

        return r;
    }

    /// <summary>The per-period rate equivalent to an annual rate: (1 + annual)^(1 / periodsPerYear) - 1.</summary>
    public static double PerPeriodRate(double annualRate, double periodsPerYear)
    {
        CheckPeriods(periodsPerYear);
        return Math.Pow(1.0 + annualRate, 1.0 / periodsPerYear) - 1.0;
    }

    internal static void CheckPrices(ReadOnlySpan<double> prices, string name)
    {
        if (prices.Length < 2)
        {
            throw new QuantException(Outcome.TooFewPoints, $"{name}: need at least 2 prices, got {prices.Length}");
        }

        for (var i = 0; i < prices.Length; i++)
        {
            var p = prices[i];
            if (!double.IsFinite(p) || p <= 0)
            {
                throw new QuantException(Outcome.NonPositivePrice, $"{name}: price at index {i} is {p.ToString(System.Globalization.CultureInfo.InvariantCulture)}; prices must be finite and positive");
            }
        }
    }

    internal static void CheckReturns(ReadOnlySpan<double> returns, string name, int min = 1)
    {
        if (returns.Length < min)
        {
            throw new QuantException(Outcome.TooFewPoints, $"{name}: need at least {min} returns, got {returns.Length}");
        }

        for (var i = 0; i < returns.Length; i++)
        {
            if (!double.IsFinite(returns[i]) || returns[i] <= -1.0)
            {
                throw new QuantException(Outcome.InvalidReturn, $"{name}: return at index {i} is not a finite value above -100%");
            }
        }
    }

    internal static void CheckPeriods(double periodsPerYear)
    {
        if (!(periodsPerYear > 0) || !double.IsFinite(periodsPerYear))
        {
            throw new ArgumentOutOfRangeException(nameof(periodsPerYear), periodsPerYear, "periods per year must be positive");
        }
    }
}
