using System.ComponentModel.DataAnnotations;
using TreasuryArena.Core.Common;

namespace TreasuryArena.Server.Contracts;

/// <summary><c>POST /api/admin/orgs/{id}/members/erase</c>: erases a member's personal data (name becomes a pseudonym, keys revoked).</summary>
public sealed record EraseMemberRequest([property: Required, StringLength(FreeText.NameMaxLength, MinimumLength = 1)] string Member);
