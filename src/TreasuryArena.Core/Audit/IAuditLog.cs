namespace TreasuryArena.Core.Audit;

/// <summary>Port: the append-only audit chain. <see cref="AppendAsync"/> returns once the entry is durable.</summary>
public interface IAuditLog
{
    Task<AuditEntry> AppendAsync(AuditRecord record, CancellationToken ct);

    Task<IReadOnlyList<AuditEntry>> ReadAsync(long afterSequence, int limit, CancellationToken ct);

    Task<AuditVerification> VerifyAsync(CancellationToken ct);
}
