namespace TreasuryArena.Core.Compliance;

/// <summary>
/// The one gate every trade passes, whatever asks for it (API, FULL_AI rebalance job, a released hold). Call
/// <see cref="CheckTradeAsync"/> before executing; execute only on <see cref="ComplianceVerdict.Allowed"/>. The
/// daily-trades rule counts the trades the ledger committed, so there is nothing to record after a trade. Refusals
/// and holds are audited (and holds notified) by the gate itself.
/// </summary>
public interface IComplianceGate
{
    Task<ComplianceVerdict> CheckTradeAsync(TradeIntent intent, CancellationToken ct);

    /// <summary>
    /// A plan is one decision: checks every order of a rebalance plan against transaction monitoring before any runs.
    /// When one needs review the whole plan is held as one <see cref="HeldTrade"/> (audited and notified) and nothing
    /// executes; otherwise <see cref="ComplianceVerdict.Allow"/> and each order still passes <see cref="CheckTradeAsync"/>.
    /// Either way, an older plan of the same wallet still held is superseded (its prices are stale).
    /// </summary>
    Task<ComplianceVerdict> ReviewPlanAsync(PlanIntent plan, CancellationToken ct);
}
