namespace TreasuryArena.Core.Policy;

/// <summary>
/// An organisation's holdings as the policy measures them: the cash of all its wallets, and each token's value at its
/// NAV (summed over wallets) with the strategy backing it.
/// </summary>
public sealed record PolicyHoldings(decimal Cash, IReadOnlyList<PolicyHoldings.Position> Positions)
{
    /// <summary>One token held by the organisation.</summary>
    public sealed record Position(string Symbol, string StrategyId, decimal Value);

    /// <summary>Cash plus every token.</summary>
    public decimal Total => Cash + Positions.Sum(p => p.Value);

    /// <summary>The value in tokens.</summary>
    public decimal Volatile => Positions.Sum(p => p.Value);

    /// <summary>The value in tokens as a fraction of <see cref="Total"/> (4 decimals; 0 for no holdings).</summary>
    public decimal VolatileShare => Total <= 0m ? 0m : Common.RoundingPolicy.Ratio(Volatile / Total, 4);

    /// <summary>The holdings after buying <paramref name="amount"/> USD of <paramref name="symbol"/> (fees ignored: the whole amount leaves cash and counts in the token).</summary>
    public PolicyHoldings AfterBuy(string symbol, string strategyId, decimal amount)
    {
        var positions = Positions.ToList();
        var i = positions.FindIndex(p => string.Equals(p.Symbol, symbol, StringComparison.Ordinal));
        if (i < 0)
        {
            positions.Add(new Position(symbol, strategyId, amount));
        }
        else
        {
            positions[i] = positions[i] with { Value = positions[i].Value + amount };
        }

        return new PolicyHoldings(Cash - amount, positions);
    }
}
