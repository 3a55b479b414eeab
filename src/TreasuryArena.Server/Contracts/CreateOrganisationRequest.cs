using System.ComponentModel.DataAnnotations;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Identity;

namespace TreasuryArena.Server.Contracts;

/// <summary><c>POST /api/admin/orgs</c>.</summary>
public sealed record CreateOrganisationRequest(
    [property: Required, StringLength(FreeText.NameMaxLength, MinimumLength = 1)] string Name,
    OrganisationType Type = OrganisationType.Church,
    Plan Plan = Plan.Free);
