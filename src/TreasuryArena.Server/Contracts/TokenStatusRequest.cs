using System.ComponentModel.DataAnnotations;
using TreasuryArena.Core.Common;

namespace TreasuryArena.Server.Contracts;

/// <summary>Why an admin changes a token's status (recorded in the audit chain).</summary>
public sealed record TokenStatusRequest([property: StringLength(FreeText.ReasonMaxLength)] string? Reason = null);
