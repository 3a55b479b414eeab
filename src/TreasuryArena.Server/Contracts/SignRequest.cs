using System.ComponentModel.DataAnnotations;
using TreasuryArena.Core.Common;

namespace TreasuryArena.Server.Contracts;

/// <summary>
/// <c>POST /api/orgs/me/signatures</c>: the treasurer signs the current version of a compliance document (<c>kind</c>:
/// <c>risk_disclosure</c>, <c>membership_agreement</c>, <c>treasury_policy_attestation</c>) by typing their full name
/// and setting <c>consent</c> to true (the consent text is shown by <c>GET /api/documents/{kind}/current</c>).
/// </summary>
public sealed record SignRequest(
    [property: Required, StringLength(FreeText.NameMaxLength, MinimumLength = 1)] string Kind,
    [property: Required, StringLength(FreeText.NameMaxLength, MinimumLength = 1)] string TypedName,
    bool Consent,
    [property: StringLength(FreeText.NameMaxLength)] string? DocumentVersion = null);
