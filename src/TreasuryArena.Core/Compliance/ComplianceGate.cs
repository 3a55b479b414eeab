using System.Globalization;
using System.Text.Json;
using TreasuryArena.Core.Audit;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Ledger;

namespace TreasuryArena.Core.Compliance;

/// <summary>
/// The compliance gate: reads the organisation's standing from the store and the wallet's trades today from the ledger
/// (committed buys and sells, rebuilt from the journal at start), applies <see cref="ComplianceRules"/>, audits
/// refusals and records holds.
/// </summary>
public sealed class ComplianceGate(
    IComplianceStore store,
    LedgerService ledger,
    IAuditLog audit,
    INotifier notifier,
    MonitoringRules rules,
    TimeProvider time) : IComplianceGate
{
    public async Task<ComplianceVerdict> CheckTradeAsync(TradeIntent intent, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(intent);
        var now = time.GetUtcNow();
        var standing = await store.LoadStandingAsync(intent.OrganisationId, ct);
        var snapshot = new ComplianceSnapshot(
            standing.OrganisationStatus,
            standing.CurrentDisclosureVersion,
            standing.AttestedVersion,
            standing.PlatformHalted,
            ledger.TradesOn(intent.WalletAddress, DateOnly.FromDateTime(now.UtcDateTime)));
        var outcome = ComplianceRules.Evaluate(snapshot, intent, rules);
        var action = "trade." + intent.Side.ToString().ToLowerInvariant();
        switch (outcome.Kind)
        {
            case RuleOutcomeKind.Refuse:
                var reason = outcome.Reasons[0];
                await audit.AppendAsync(new AuditRecord(intent.Actor, action, intent.WalletAddress, AuditOutcome.Refused, Detail(intent, outcome.Code, reason)), ct);
                return new ComplianceVerdict.Refused(outcome.Outcome, reason);

            case RuleOutcomeKind.Hold:
                var hold = new HeldTrade(
                    Guid.CreateVersion7(now),
                    intent.OrganisationId,
                    intent.WalletAddress,
                    intent.Symbol,
                    intent.Side,
                    intent.UsdValue,
                    intent.Request(),
                    outcome.Reasons,
                    HoldStatus.Held,
                    now,
                    intent.Actor,
                    null,
                    null,
                    null);
                await store.AddHoldAsync(hold, ct);
                var message = string.Join("; ", outcome.Reasons);
                await audit.AppendAsync(new AuditRecord(intent.Actor, action, intent.WalletAddress, AuditOutcome.Held, Detail(intent, "held_for_review", message, hold.Id)), ct);
                await notifier.NotifyAsync(
                    new Notification(
                        "trade_held",
                        intent.WalletAddress,
                        string.Create(CultureInfo.InvariantCulture, $"{intent.Side} {intent.Symbol} for ${intent.UsdValue:0.00} held for review: {message}"),
                        now,
                        intent.OrganisationId),
                    ct);
                return new ComplianceVerdict.Held(hold);

            default:
                return ComplianceVerdict.Allow;
        }
    }

    public async Task<ComplianceVerdict> ReviewPlanAsync(PlanIntent plan, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var now = time.GetUtcNow();
        foreach (var old in await store.ListHoldsAsync(HoldStatus.Held, plan.OrganisationId, ct))
        {
            if (old.IsPlan && old.WalletAddress == plan.WalletAddress &&
                await store.TryDecideHoldAsync(old.Id, HoldStatus.Superseded, plan.Actor, now, "superseded: a newer rebalance plan replaced it", ct))
            {
                await audit.AppendAsync(new AuditRecord(plan.Actor, "hold.supersede", old.Id.ToString(), AuditOutcome.Done, "{}"), ct);
            }
        }

        if (plan.Source == TradeSource.HoldRelease)
        {
            return ComplianceVerdict.Allow;
        }

        var reasons = ComplianceRules.PlanMonitoringReasons(plan, ledger.TradesOn(plan.WalletAddress, DateOnly.FromDateTime(now.UtcDateTime)), rules);
        if (reasons.Count == 0)
        {
            return ComplianceVerdict.Allow;
        }

        var total = plan.Orders.Sum(o => o.UsdValue);
        var request = plan.Request();
        var hold = new HeldTrade(Guid.CreateVersion7(now), plan.OrganisationId, plan.WalletAddress, HeldTrade.PlanSymbol,
            plan.Orders.Count > 0 ? plan.Orders[0].Side : OrderSide.Sell, total, request, reasons, HoldStatus.Held, now, plan.Actor, null, null, null);
        await store.AddHoldAsync(hold, ct);
        var message = string.Join("; ", reasons);
        await audit.AppendAsync(new AuditRecord(plan.Actor, "plan.held", plan.WalletAddress, AuditOutcome.Held,
            JsonSerializer.Serialize(new Dictionary<string, string?>
            {
                ["hold_id"] = hold.Id.ToString(),
                ["orders"] = plan.Orders.Count.ToString(CultureInfo.InvariantCulture),
                ["usd_value"] = total.ToString(CultureInfo.InvariantCulture),
                ["reason"] = message,
                ["request"] = request,
            })), ct);
        await notifier.NotifyAsync(
            new Notification(
                "plan_held",
                plan.WalletAddress,
                string.Create(CultureInfo.InvariantCulture, $"rebalance plan of {plan.Orders.Count} orders (${total:0.00}) held for review as one decision, nothing executed; expires {hold.ExpiresAt(rules.HoldLifetime):yyyy-MM-dd HH:mm}Z: {message}"),
                now,
                plan.OrganisationId),
            ct);
        return new ComplianceVerdict.Held(hold);
    }

    private static string Detail(TradeIntent intent, string? code, string reason, Guid? holdId = null) =>
        JsonSerializer.Serialize(new Dictionary<string, string?>
        {
            ["symbol"] = intent.Symbol,
            ["usd_value"] = intent.UsdValue.ToString(CultureInfo.InvariantCulture),
            ["source"] = intent.Source.ToString().ToLowerInvariant(),
            ["code"] = code,
            ["reason"] = reason,
            ["hold_id"] = holdId?.ToString(),
            ["request"] = intent.Request(),
        });
}
