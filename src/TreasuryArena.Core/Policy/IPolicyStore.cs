namespace TreasuryArena.Core.Policy;

/// <summary>The versioned IPS store (migration 0510).</summary>
public interface IPolicyStore
{
    /// <summary>The organisation's latest version, or null when it has never set one.</summary>
    Task<PolicyVersion?> CurrentAsync(Guid organisationId, CancellationToken ct);

    /// <summary>Every version, newest first.</summary>
    Task<IReadOnlyList<PolicyVersion>> HistoryAsync(Guid organisationId, CancellationToken ct);

    /// <summary>Stores <paramref name="version"/>; false when that version number exists already (a concurrent change).</summary>
    Task<bool> TryAddAsync(PolicyVersion version, CancellationToken ct);
}
