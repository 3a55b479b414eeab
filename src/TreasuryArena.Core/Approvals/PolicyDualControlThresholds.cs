using TreasuryArena.Core.Policy;

namespace TreasuryArena.Core.Approvals;

/// <summary>
/// The dual-control threshold of an organisation: the stricter (lower) of the operator's platform threshold
/// (<c>Approvals:DefaultThresholdUsd</c>, <paramref name="platform"/>) and the organisation's investment policy
/// (<c>dual_control_threshold</c>; 0 there means the board asks for nothing beyond the platform's rule). A board can
/// ask for a second approval on smaller trades than the platform does, never on fewer.
/// </summary>
public sealed class PolicyDualControlThresholds(IPolicyStore policies, IDualControlThresholds platform) : IDualControlThresholds
{
    public async Task<decimal?> ForAsync(Guid organisationId, CancellationToken ct)
    {
        var platformThreshold = await platform.ForAsync(organisationId, ct);
        var board = await policies.CurrentAsync(organisationId, ct) is { Policy.DualControlThreshold: > 0m and var t } ? t : (decimal?)null;
        return (platformThreshold, board) switch
        {
            ({ } p, { } b) => Math.Min(p, b),
            (null, { } b) => b,
            _ => platformThreshold,
        };
    }
}
