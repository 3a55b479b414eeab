using System.ComponentModel.DataAnnotations;
using TreasuryArena.Core.Common;

namespace TreasuryArena.Server.Contracts;

/// <summary><c>POST /api/admin/orgs/{id}/verify</c>: the evidence checked.</summary>
public sealed record VerifyOrganisationRequest(
    [property: Required, StringLength(FreeText.NameMaxLength, MinimumLength = 1)] string EntityType,
    [property: Required, StringLength(FreeText.NameMaxLength, MinimumLength = 1)] string Registration,
    [property: Required, StringLength(FreeText.NameMaxLength, MinimumLength = 1)] string Reviewer);
