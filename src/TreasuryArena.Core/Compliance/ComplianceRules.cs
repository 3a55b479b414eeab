using System.Globalization;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Identity;
using TreasuryArena.Core.Quant;

namespace TreasuryArena.Core.Compliance;

/// <summary>
/// The trade rules, pure and in order: platform halt; organisation verified; for buys, attestation of the current
/// risk-disclosure version; then transaction monitoring (skipped when an admin has released a held trade).
/// Sells need verification but not a fresh attestation, so a holder can always leave after a new document version.
/// </summary>
public static class ComplianceRules
{
    public static RuleOutcome Evaluate(ComplianceSnapshot snapshot, TradeIntent intent, MonitoringRules rules)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(intent);
        ArgumentNullException.ThrowIfNull(rules);

        if (snapshot.PlatformHalted)
        {
            return RuleOutcome.Refuse(Outcome.PlatformHalted, "trading is halted platform-wide by an administrator");
        }

        if (snapshot.OrganisationStatus is null)
        {
            return RuleOutcome.Refuse(Outcome.OrganisationNotFound, "the wallet's organisation does not exist");
        }

        if (snapshot.OrganisationStatus != OrganisationStatus.Verified)
        {
            return RuleOutcome.Refuse(Outcome.OrganisationNotVerified, "the organisation has not been verified by an administrator");
        }

        if (intent.Side == OrderSide.Buy)
        {
            if (snapshot.CurrentDisclosureVersion is null)
            {
                return RuleOutcome.Refuse(Outcome.NoRiskDisclosure, "no risk-disclosure document has been published yet");
            }

            if (!string.Equals(snapshot.AttestedVersion, snapshot.CurrentDisclosureVersion, StringComparison.Ordinal))
            {
                return RuleOutcome.Refuse(
                    Outcome.AttestationRequired,
                    $"the treasurer must attest to risk disclosure version {snapshot.CurrentDisclosureVersion} before buying");
            }
        }

        if (intent.Source == TradeSource.HoldRelease)
        {
            return RuleOutcome.Allow;
        }

        var reasons = MonitoringReasons(intent.UsdValue, intent.WalletValue, snapshot.TradesToday, rules);
        return reasons.Count == 0 ? RuleOutcome.Allow : RuleOutcome.Hold(reasons);
    }

    /// <summary>
    /// The transaction-monitoring reasons to hold one trade worth <paramref name="usdValue"/> from a wallet worth
    /// <paramref name="walletValue"/> that already made <paramref name="tradesToday"/> trades today (empty: no hold).
    /// </summary>
    public static List<string> MonitoringReasons(decimal usdValue, decimal walletValue, int tradesToday, MonitoringRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var reasons = new List<string>();
        if (rules.MaxTradeUsd > 0 && usdValue > rules.MaxTradeUsd)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"trade of ${usdValue:0.00} exceeds the single-trade limit of ${rules.MaxTradeUsd:0.00}"));
        }

        if (rules.MaxWalletFraction > 0 && walletValue > 0 && usdValue > walletValue * rules.MaxWalletFraction)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"trade of ${usdValue:0.00} exceeds {rules.MaxWalletFraction * 100m:0.##}% of the wallet's value ${walletValue:0.00}"));
        }

        if (rules.MaxTradesPerDay > 0 && tradesToday >= rules.MaxTradesPerDay)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"the wallet already made {tradesToday} trades today (limit {rules.MaxTradesPerDay})"));
        }

        return reasons;
    }

    /// <summary>
    /// A plan is one decision: the monitoring reasons of a whole rebalance plan, each order checked as a single trade
    /// (prefixed by its side and symbol) and the plan's orders counted against the daily trade limit. Any reason holds
    /// the whole plan; none of its orders executes until an admin releases it.
    /// </summary>
    public static List<string> PlanMonitoringReasons(PlanIntent plan, int tradesToday, MonitoringRules rules)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(rules);
        var reasons = new List<string>();
        foreach (var o in plan.Orders)
        {
            foreach (var r in MonitoringReasons(o.UsdValue, plan.WalletValue, 0, rules))
            {
                reasons.Add($"{o.Side.ToString().ToLowerInvariant()} {o.Symbol}: {r}");
            }
        }

        if (rules.MaxTradesPerDay > 0 && tradesToday + plan.Orders.Count > rules.MaxTradesPerDay)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"the plan's {plan.Orders.Count} trades after the {tradesToday} made today exceed the daily limit of {rules.MaxTradesPerDay}"));
        }

        return reasons;
    }

    /// <summary>True when a wallet has fallen from its peak by more than the breaker threshold.</summary>
    public static bool WalletDrawdownTrips(decimal peakValue, decimal currentValue, decimal threshold) =>
        threshold > 0 && Drawdowns.BelowPeak(peakValue, currentValue) > threshold;
}
