using System.ComponentModel.DataAnnotations;
using TreasuryArena.Core.Common;

namespace TreasuryArena.Server.Contracts;

/// <summary><c>POST /api/orgs/me/compliance/review</c>: marks an item done (<c>ips_reviewed</c>, <c>key_holders_reviewed</c>).</summary>
public sealed record ReviewMarkRequest([property: Required, StringLength(FreeText.NameMaxLength, MinimumLength = 1)] string Item);
