using TreasuryArena.Core.Audit;

namespace TreasuryArena.Server.Contracts;

/// <summary>
/// One audit-chain entry: <c>actor</c> as chained (a member by pseudonym), <c>actor_name</c> the same with the member's
/// name while the members table still maps it (the pseudonym once the name is erased).
/// </summary>
public sealed record AuditEntryResponse(long Sequence, DateTimeOffset At, string Actor, string Action, string Subject, AuditOutcome Outcome, string Detail, string PreviousHash, string Hash, string ActorName)
{
    public static AuditEntryResponse From(AuditEntry e) => From(e, null);

    public static AuditEntryResponse From(AuditEntry e, Func<string?, string?>? names)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new(e.Sequence, e.At, e.Actor, e.Action, e.Subject, e.Outcome, e.Detail, e.PreviousHash, e.Hash, names?.Invoke(e.Actor) ?? e.Actor);
    }
}
