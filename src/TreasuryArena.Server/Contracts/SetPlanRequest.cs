using TreasuryArena.Core.Identity;

namespace TreasuryArena.Server.Contracts;

/// <summary><c>POST /api/admin/orgs/{id}/plan</c>.</summary>
public sealed record SetPlanRequest(Plan Plan);
