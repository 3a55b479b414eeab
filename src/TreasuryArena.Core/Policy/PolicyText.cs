using System.Globalization;

namespace TreasuryArena.Core.Policy;

/// <summary>How the enum-like clauses are written in YAML, JSON and text, and parsed back (case-insensitive).</summary>
public static class PolicyText
{
    /// <summary>The written benchmarks, in the order of <see cref="PolicyBenchmark"/>.</summary>
    public static readonly IReadOnlyList<string> Benchmarks = ["T-bill", "60/40 BTC/T-bill"];

    /// <summary>The written rebalance frequencies.</summary>
    public static readonly IReadOnlyList<string> Frequencies = ["daily", "weekly", "monthly", "quarterly"];

    public static string Of(PolicyBenchmark benchmark) => Benchmarks[(int)benchmark];

    public static string Of(PolicyRebalanceFrequency frequency) => Frequencies[(int)frequency];

    public static PolicyBenchmark? Benchmark(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim();
        for (var i = 0; i < Benchmarks.Count; i++)
        {
            if (string.Equals(Benchmarks[i], t, StringComparison.OrdinalIgnoreCase))
            {
                return (PolicyBenchmark)i;
            }
        }

        return null;
    }

    public static PolicyRebalanceFrequency? Frequency(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var i = Frequencies.ToList().FindIndex(f => string.Equals(f, text.Trim(), StringComparison.OrdinalIgnoreCase));
        return i < 0 ? null : (PolicyRebalanceFrequency)i;
    }

    /// <summary>A fraction as a whole-ish percentage (0.2 → <c>20%</c>, 0.345 → <c>34.5%</c>).</summary>
    public static string Percent(decimal fraction) => (fraction * 100m).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    /// <summary>A USD amount (<c>$12,000.00</c>).</summary>
    public static string Usd(decimal amount) => amount.ToString("$#,##0.00", CultureInfo.InvariantCulture);
}
