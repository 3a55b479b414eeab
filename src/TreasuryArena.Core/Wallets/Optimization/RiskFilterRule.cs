using System.Globalization;

namespace TreasuryArena.Core.Wallets.Optimization;

/// <summary>
/// A risk tolerance's rule: which tokens it may hold — a defined Sharpe (over the T-bill) strictly above
/// <see cref="MinSharpe"/> and max drawdown strictly below <see cref="MaxDrawdown"/> (null: no drawdown limit); an
/// undefined Sharpe never passes — and the portfolio-level limits the optimizer solves under
/// (<see cref="VolatilityCeiling"/>, <see cref="VolatileShareCap"/>).
/// </summary>
public sealed record RiskFilterRule(decimal MinSharpe, decimal? MaxDrawdown)
{
    /// <summary>
    /// Largest expected annual volatility of the whole wallet (cash counted as riskless), from the run's covariance; the
    /// optimizer keeps the rest in cash when the ceiling binds. Null: no ceiling.
    /// </summary>
    public decimal? VolatilityCeiling { get; init; }

    /// <summary>
    /// Largest share of the wallet in volatile crypto: Σ w_i · v_i with v_i a token's volatile share
    /// (<see cref="TokenMetrics.VolatileShare"/>: its volatility over BTC's on the same days, capped at 1). Null: no cap.
    /// </summary>
    public decimal? VolatileShareCap { get; init; }

    public bool Admits(TokenMetrics token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return token.Sharpe is { } sharpe && sharpe > MinSharpe && (MaxDrawdown is not { } cap || token.MaxDrawdown < cap);
    }

    public string Describe() => MaxDrawdown is { } cap
        ? string.Create(CultureInfo.InvariantCulture, $"Sharpe > {MinSharpe:0.##} and max drawdown < {cap:P0}")
        : string.Create(CultureInfo.InvariantCulture, $"Sharpe > {MinSharpe:0.##}");

    /// <summary>The portfolio limits in words ("expected volatility ≤ 15% a year, volatile share ≤ 25%").</summary>
    public string DescribeLimits()
    {
        var parts = new List<string>();
        if (VolatilityCeiling is { } v)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"expected volatility ≤ {v:0%} a year"));
        }

        if (VolatileShareCap is { } c)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"volatile share ≤ {c:0%}"));
        }

        return parts.Count == 0 ? "no portfolio limits" : string.Join(", ", parts);
    }
}
