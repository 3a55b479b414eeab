using System.ComponentModel.DataAnnotations;
using TreasuryArena.Core.Common;

namespace TreasuryArena.Server.Contracts;

/// <summary><c>POST /api/admin/documents/{kind}</c>: the operator publishes a new version of a compliance document.</summary>
public sealed record PublishDocumentRequest(
    [property: Required, StringLength(FreeText.NameMaxLength, MinimumLength = 1)] string Version,
    [property: Required, StringLength(FreeText.DocumentMaxLength, MinimumLength = 1)] string Text);
