using TreasuryArena.Core.Approvals;
using TreasuryArena.Core.Policy;

namespace TreasuryArena.Core.Application;

/// <summary>
/// What a policy change did: stored a new <see cref="Version"/> (the operator, acting for the platform), or stored the
/// request as <see cref="Approval"/> awaiting a second member's approval (a member's change). Exactly one is set.
/// </summary>
public sealed record PolicyChangeOutcome(PolicyVersion? Version, PendingApproval? Approval);
