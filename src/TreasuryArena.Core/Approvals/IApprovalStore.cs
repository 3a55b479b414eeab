namespace TreasuryArena.Core.Approvals;

/// <summary>Port: the two-person approvals (table <c>approvals</c>).</summary>
public interface IApprovalStore
{
    Task AddAsync(PendingApproval approval, CancellationToken ct);

    Task<PendingApproval?> FindAsync(Guid id, CancellationToken ct);

    /// <summary>An organisation's approvals (null: every organisation's), newest first, optionally of one status.</summary>
    Task<IReadOnlyList<PendingApproval>> ListAsync(Guid? organisationId, ApprovalStatus? status, CancellationToken ct);

    /// <summary>
    /// Moves an approval from <see cref="ApprovalStatus.AwaitingSecondApproval"/> to <paramref name="status"/> in one
    /// conditional write; false when it was no longer awaiting (another decision won).
    /// </summary>
    Task<bool> TryDecideAsync(Guid id, ApprovalStatus status, string decidedBy, DateTimeOffset at, string? result, CancellationToken ct);
}
