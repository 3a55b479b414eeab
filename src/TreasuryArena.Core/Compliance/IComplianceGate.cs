namespace TreasuryArena.Core.Compliance;

/// <summary>
/// The one gate every trade passes, whatever asks for it (API, FULL_AI rebalance job, a released hold). Call
/// <see cref="CheckTradeAsync"/> before executing; execute only on <see cref="ComplianceVerdict.Allowed"/>, then call
/// <see cref="TradeExecutedAsync"/> so the daily-trades rule counts it. Refusals and holds are audited (and holds
/// notified) by the gate itself.
/// </summary>
public interface IComplianceGate
{
    Task<ComplianceVerdict> CheckTradeAsync(TradeIntent intent, CancellationToken ct);

    Task TradeExecutedAsync(TradeIntent intent, CancellationToken ct);
}
