using TreasuryArena.Core.Common;
using TreasuryArena.Core.Identity;

namespace TreasuryArena.Core.Application;

/// <summary>
/// Which role may perform which action, checked by the use cases themselves (not only by the API's policies), so a
/// door that acts for a member — the API with a viewer's key, the CLI, a job — gets the same answer:
/// <c>role_forbidden</c> (403, exit code 5), audited under the action like any other refusal.
/// Admin-only: token issue and lifecycle, NAV steps, hold decisions, the jobs' runs of every treasury (operators and jobs
/// act as admin).
/// Treasurer or admin: wallet create/mode/deposit/withdraw, buy/sell, proposal decisions, treasury create and runs of
/// the organisation's own treasury (a viewer only reads).
/// Treasurer, approver (trustee) or admin: policy changes (a member's waits for a second approval), the second
/// approval and the rejection of a two-person request. An approver never trades.
/// </summary>
public static class RoleRules
{
    /// <summary>Refuses anyone but an admin (an operator at the CLI, a job).</summary>
    public static void RequireAdmin(Caller actor, string action)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.Role != Role.Admin)
        {
            throw Forbidden(actor, action);
        }
    }

    /// <summary>Refuses a viewer: a treasurer (of the organisation, checked by the use case) or an admin may act.</summary>
    public static void RequireTreasurer(Caller actor, string action)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.Role is not (Role.Treasurer or Role.Admin))
        {
            throw Forbidden(actor, action);
        }
    }

    /// <summary>Refuses a viewer: a treasurer, an approver (trustee) or an admin may act (two-person approvals, policy changes).</summary>
    public static void RequireApprover(Caller actor, string action)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.Role is not (Role.Treasurer or Role.Approver or Role.Admin))
        {
            throw Forbidden(actor, action);
        }
    }

    private static DomainException Forbidden(Caller actor, string action) =>
        new(Outcome.RoleForbidden, $"a {actor.Role.ToString().ToLowerInvariant()} may not perform {action}");
}
