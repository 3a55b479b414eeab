using System.Globalization;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Wallets;
using TreasuryArena.Core.Wallets.Optimization;

namespace TreasuryArena.Core.Compliance;

/// <summary>
/// A wallet's drawdown breaker limit from its documented risk: <see cref="MonitoringRules.WalletBreakerVolatilityMultiple"/>
/// × the volatility ceiling of its tolerance (<see cref="WalletOptimizerOptions"/>: 15% / 30% / 60% a year by default),
/// within [<see cref="MonitoringRules.WalletDrawdownBreaker"/>, <see cref="MonitoringRules.WalletBreakerCap"/>]; a tolerance
/// without a ceiling gets the cap. Defaults: CONSERVATIVE 22.5%, MODERATE 45%, AGGRESSIVE 50%. A flat 15% for every
/// wallet froze every optimizer wallet in HYBRID within six months of both replay windows (2019-06-30, 2021-01-12):
/// a 15% fall is ordinary for a wallet whose documented volatility is 30–60% a year.
/// </summary>
public sealed record WalletBreakerLimit(decimal Limit, decimal? VolatilityCeiling, decimal Multiple, decimal Floor, decimal Cap)
{
    public static WalletBreakerLimit For(RiskTolerance risk, MonitoringRules rules, WalletOptimizerOptions optimizer)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(optimizer);
        var rule = risk switch
        {
            RiskTolerance.Conservative => optimizer.Conservative,
            RiskTolerance.Moderate => optimizer.Moderate,
            _ => optimizer.Aggressive,
        };
        var ceiling = rule.VolatilityCeiling;
        var limit = ceiling is { } c
            ? Math.Clamp(RoundingPolicy.WeightDown(c * rules.WalletBreakerVolatilityMultiple), rules.WalletDrawdownBreaker, Math.Max(rules.WalletDrawdownBreaker, rules.WalletBreakerCap))
            : Math.Max(rules.WalletDrawdownBreaker, rules.WalletBreakerCap);
        return new WalletBreakerLimit(limit, ceiling, rules.WalletBreakerVolatilityMultiple, rules.WalletDrawdownBreaker, rules.WalletBreakerCap);
    }

    /// <summary>In words: "22.5% = 1.5 × the 15.0% volatility ceiling (within 15.0% … 50.0%)".</summary>
    public string Describe() =>
        VolatilityCeiling is { } c
            ? string.Create(CultureInfo.InvariantCulture, $"{Pct(Limit)} = {Multiple:0.##} × the {Pct(c)} volatility ceiling (within {Pct(Floor)} … {Pct(Cap)})")
            : string.Create(CultureInfo.InvariantCulture, $"{Pct(Limit)} (no volatility ceiling: the cap)");

    private static string Pct(decimal f) => (f * 100m).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
