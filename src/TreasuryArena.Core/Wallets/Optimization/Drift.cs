namespace TreasuryArena.Core.Wallets.Optimization;

/// <summary>Portfolio drift: half the sum of absolute weight differences, the fraction of the portfolio that must trade.</summary>
public static class Drift
{
    public static decimal Between(IReadOnlyDictionary<string, decimal> current, IReadOnlyDictionary<string, decimal> target)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(target);
        var sum = 0m;
        foreach (var symbol in current.Keys.Union(target.Keys, StringComparer.Ordinal))
        {
            sum += Math.Abs(current.GetValueOrDefault(symbol) - target.GetValueOrDefault(symbol));
        }

        // Cash is the remainder of each side; its difference counts too.
        var cashDiff = Math.Abs((1m - current.Values.Sum()) - (1m - target.Values.Sum()));
        return (sum + cashDiff) / 2m;
    }
}
