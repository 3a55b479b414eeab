using System.ComponentModel.DataAnnotations;

namespace TreasuryArena.Server.Contracts;

/// <summary><c>POST /api/orgs/attest</c>: the treasurer attests to the current disclosure version.</summary>
public sealed record AttestRequest(
    [property: Required, StringLength(200, MinimumLength = 1)] string DocumentVersion,
    [property: Required, StringLength(200, MinimumLength = 1)] string Signer);
