using TreasuryArena.Core.Compliance;

namespace TreasuryArena.Core.Tests.WalletOptimization;

/// <summary>
/// A compliance gate for plan tests: every single trade is allowed (an organisation in good standing), plans are
/// reviewed with the real pure rule (<see cref="ComplianceRules.PlanMonitoringReasons"/>) and held ones kept in a list.
/// </summary>
internal sealed class PlanGate(MonitoringRules rules) : IComplianceGate
{
    public List<HeldTrade> Holds { get; } = [];

    public int Checks { get; private set; }

    public Task<ComplianceVerdict> CheckTradeAsync(TradeIntent intent, CancellationToken ct)
    {
        Checks++;
        return Task.FromResult<ComplianceVerdict>(ComplianceVerdict.Allow);
    }

    public Task<ComplianceVerdict> ReviewPlanAsync(PlanIntent plan, CancellationToken ct)
    {
        var reasons = ComplianceRules.PlanMonitoringReasons(plan, 0, rules);
        if (reasons.Count == 0 || plan.Source == TradeSource.HoldRelease)
        {
            return Task.FromResult<ComplianceVerdict>(ComplianceVerdict.Allow);
        }

        var hold = new HeldTrade(Guid.NewGuid(), plan.OrganisationId, plan.WalletAddress, HeldTrade.PlanSymbol, plan.Orders[0].Side,
            plan.Orders.Sum(o => o.UsdValue), plan.Request(), reasons, HoldStatus.Held, DateTimeOffset.UnixEpoch, plan.Actor, null, null, null);
        Holds.Add(hold);
        return Task.FromResult<ComplianceVerdict>(new ComplianceVerdict.Held(hold));
    }
}
