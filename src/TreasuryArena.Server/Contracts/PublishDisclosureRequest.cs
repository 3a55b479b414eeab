using System.ComponentModel.DataAnnotations;
using TreasuryArena.Core.Common;

namespace TreasuryArena.Server.Contracts;

/// <summary><c>POST /api/admin/disclosures</c>: a new risk-disclosure version.</summary>
public sealed record PublishDisclosureRequest(
    [property: Required, StringLength(FreeText.NameMaxLength, MinimumLength = 1)] string Version,
    [property: Required, StringLength(FreeText.DocumentMaxLength, MinimumLength = 1)] string Text);
