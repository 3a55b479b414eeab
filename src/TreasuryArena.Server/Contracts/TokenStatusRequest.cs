using System.ComponentModel.DataAnnotations;

namespace TreasuryArena.Server.Contracts;

/// <summary>Why an admin changes a token's status (recorded in the audit chain).</summary>
public sealed record TokenStatusRequest([property: StringLength(1000)] string? Reason = null);
