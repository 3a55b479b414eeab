namespace TreasuryArena.Core.Audit;

/// <summary>A chained audit entry: <see cref="Hash"/> covers the canonical bytes and <see cref="PreviousHash"/>.</summary>
public sealed record AuditEntry(
    long Sequence,
    DateTimeOffset At,
    string Actor,
    string Action,
    string Subject,
    AuditOutcome Outcome,
    string Detail,
    string PreviousHash,
    string Hash);
