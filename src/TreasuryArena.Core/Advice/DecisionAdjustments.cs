namespace TreasuryArena.Core.Advice;

/// <summary>
/// How an advisor narrows a proposal: an overall <paramref name="Scale"/> applied to every order and optional per-asset
/// scales that take precedence for their asset. Both must be within 0..1; anything else is cut back by the guardrails.
/// </summary>
public sealed record DecisionAdjustments(decimal? Scale, IReadOnlyList<OrderAdjustment> Orders)
{
    public static DecisionAdjustments Uniform(decimal scale) => new(scale, []);

    /// <summary>The scale the advisor asked for on <paramref name="asset"/> (per-asset first, then overall, else 1).</summary>
    public decimal ScaleFor(string asset)
    {
        foreach (var o in Orders)
        {
            if (string.Equals(o.Asset, asset, StringComparison.OrdinalIgnoreCase))
            {
                return o.Scale;
            }
        }

        return Scale ?? 1m;
    }
}
