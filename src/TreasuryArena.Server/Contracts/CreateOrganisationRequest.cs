using System.ComponentModel.DataAnnotations;
using TreasuryArena.Core.Identity;

namespace TreasuryArena.Server.Contracts;

/// <summary><c>POST /api/admin/orgs</c>.</summary>
public sealed record CreateOrganisationRequest(
    [property: Required, StringLength(200, MinimumLength = 1)] string Name,
    OrganisationType Type = OrganisationType.Church,
    Plan Plan = Plan.Free);
