using TreasuryArena.Core.Policy;

namespace TreasuryArena.Core.Wallets.Optimization;

/// <summary>What the optimizer needs to know about one wallet.</summary>
/// <param name="Address">The wallet address.</param>
/// <param name="Cash">Cash balance, USD.</param>
/// <param name="Positions">Token holdings at their current NAVs.</param>
/// <param name="Filter">The wallet's risk-tolerance filter.</param>
/// <param name="MaxTokens">The most tokens the organisation's plan allows it to hold (null: unlimited).</param>
/// <param name="LastRebalance">The date of the wallet's last executed rebalance, if any.</param>
public sealed record WalletSnapshot(
    string Address,
    decimal Cash,
    IReadOnlyList<WalletPosition> Positions,
    RiskFilterRule Filter,
    int? MaxTokens,
    DateOnly? LastRebalance)
{
    /// <summary>The organisation's IPS as this wallet's solve applies it (default: none beyond the platform's limits).</summary>
    public PolicyLimits Policy { get; init; } = PolicyLimits.None;

    public decimal Value => Cash + Positions.Sum(p => p.Value);

    public IReadOnlyDictionary<string, decimal> Weights()
    {
        var value = Value;
        var weights = new Dictionary<string, decimal>(StringComparer.Ordinal);
        if (value <= 0m)
        {
            return weights;
        }

        foreach (var p in Positions)
        {
            if (p.Shares > 0m)
            {
                weights[p.Symbol] = p.Value / value;
            }
        }

        return weights;
    }
}
