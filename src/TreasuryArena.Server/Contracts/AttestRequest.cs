using System.ComponentModel.DataAnnotations;
using TreasuryArena.Core.Common;

namespace TreasuryArena.Server.Contracts;

/// <summary><c>POST /api/orgs/attest</c>: the treasurer attests to the current disclosure version.</summary>
public sealed record AttestRequest(
    [property: Required, StringLength(FreeText.NameMaxLength, MinimumLength = 1)] string DocumentVersion,
    [property: Required, StringLength(FreeText.NameMaxLength, MinimumLength = 1)] string Signer);
