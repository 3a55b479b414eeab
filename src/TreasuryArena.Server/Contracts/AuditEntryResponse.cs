using TreasuryArena.Core.Audit;

namespace TreasuryArena.Server.Contracts;

/// <summary>One audit-chain entry.</summary>
public sealed record AuditEntryResponse(long Sequence, DateTimeOffset At, string Actor, string Action, string Subject, AuditOutcome Outcome, string Detail, string PreviousHash, string Hash)
{
    public static AuditEntryResponse From(AuditEntry e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new(e.Sequence, e.At, e.Actor, e.Action, e.Subject, e.Outcome, e.Detail, e.PreviousHash, e.Hash);
    }
}
