namespace TreasuryArena.Core.Advice;

/// <summary>
/// The limits no advisor can override. Weights and shares are fractions of the portfolio value.
/// </summary>
/// <param name="MaxAssetWeight">Maximum weight of any one asset/position after a trade (buys that would pass it are cut).</param>
/// <param name="MinHoldings">Minimum diversification: a sell may not close a position if fewer than this many positions would remain.</param>
/// <param name="MaxVolatileShare">Maximum tactical/volatile share (BTC, ETH) after a trade.</param>
/// <param name="MaxTurnover">Maximum one-sided turnover per rebalance: sells and buys each at most this fraction of the portfolio value.</param>
/// <param name="DrawdownBreaker">Drawdown from the peak at which buying volatile assets stops (only de-risking passes).</param>
/// <param name="ComplianceHolds">Assets under a compliance hold: no order on them passes.</param>
public sealed record GuardrailLimits(
    decimal MaxAssetWeight,
    int MinHoldings,
    decimal MaxVolatileShare,
    decimal MaxTurnover,
    decimal DrawdownBreaker,
    IReadOnlySet<string> ComplianceHolds)
{
    /// <summary>The treasury defaults: 40% per asset, at least 3 positions, 40% volatile, 50% turnover, breaker at 30% drawdown.</summary>
    public static GuardrailLimits Default { get; } = new(0.40m, 3, 0.40m, 0.50m, 0.30m, new HashSet<string>(StringComparer.OrdinalIgnoreCase));

    /// <summary>Throws when a limit is outside its meaningful range.</summary>
    public GuardrailLimits Validated()
    {
        Check(MaxAssetWeight, nameof(MaxAssetWeight));
        Check(MaxVolatileShare, nameof(MaxVolatileShare));
        Check(MaxTurnover, nameof(MaxTurnover));
        Check(DrawdownBreaker, nameof(DrawdownBreaker));
        ArgumentOutOfRangeException.ThrowIfNegative(MinHoldings);
        return this;
    }

    public bool IsHeld(string asset) => ComplianceHolds.Contains(asset);

    private static void Check(decimal value, string name)
    {
        if (value is <= 0m or > 1m)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be in (0, 1]");
        }
    }
}
