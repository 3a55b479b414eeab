using System.ComponentModel.DataAnnotations;

namespace TreasuryArena.Server.Contracts;

/// <summary><c>POST /api/admin/orgs/{id}/verify</c>: the evidence checked.</summary>
public sealed record VerifyOrganisationRequest(
    [property: Required, StringLength(200, MinimumLength = 1)] string EntityType,
    [property: Required, StringLength(200, MinimumLength = 1)] string Registration,
    [property: Required, StringLength(200, MinimumLength = 1)] string Reviewer);
