namespace TreasuryArena.Core.Approvals;

/// <summary>The same threshold for every organisation: <c>Approvals:DefaultThresholdUsd</c> (null: no dual control).</summary>
public sealed class ConfiguredDualControlThresholds(decimal? thresholdUsd) : IDualControlThresholds
{
    public Task<decimal?> ForAsync(Guid organisationId, CancellationToken ct) => Task.FromResult(thresholdUsd);
}
