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
}
