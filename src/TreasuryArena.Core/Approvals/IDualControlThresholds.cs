namespace TreasuryArena.Core.Approvals;

/// <summary>
/// Port: the USD value above which an organisation's trades, proposal approvals and policy changes need a second
/// member's approval (null: never). The default reads configuration (<see cref="ConfiguredDualControlThresholds"/>); an
/// organisation's investment policy (<c>dual_control_threshold</c>) can replace it.
/// </summary>
public interface IDualControlThresholds
{
    Task<decimal?> ForAsync(Guid organisationId, CancellationToken ct);
}
