using System.ComponentModel.DataAnnotations;

namespace TreasuryArena.Server.Contracts;

/// <summary><c>POST /api/admin/disclosures</c>: a new risk-disclosure version.</summary>
public sealed record PublishDisclosureRequest(
    [property: Required, StringLength(200, MinimumLength = 1)] string Version,
    [property: Required, StringLength(100_000, MinimumLength = 1)] string Text);
