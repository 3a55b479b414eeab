using TreasuryArena.Core.Audit;
using TreasuryArena.Core.Compliance;
using TreasuryArena.Core.Identity;
using TreasuryArena.Server.Auth;

namespace TreasuryArena.Server.Endpoints;

/// <summary>The services the identity, compliance and audit endpoints use, bound with <c>[AsParameters]</c>.</summary>
public sealed record PlatformServices(
    IdentityService Identity,
    ComplianceService Compliance,
    IIdentityStore IdentityStore,
    IComplianceStore ComplianceStore,
    IAuditLog Audit,
    CallerCache Cache);
