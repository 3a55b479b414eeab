using System.ComponentModel.DataAnnotations;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Identity;

namespace TreasuryArena.Server.Contracts;

/// <summary><c>POST /api/admin/orgs/{id}/keys</c> (or <c>/api/admin/keys</c> for admin keys).</summary>
public sealed record IssueKeyRequest([property: Required, StringLength(FreeText.NameMaxLength, MinimumLength = 1)] string Member, Role Role);
