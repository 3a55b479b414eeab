using System.ComponentModel.DataAnnotations;

namespace TreasuryArena.Server.Contracts;

/// <summary>A decision's reason (reject an organisation, reject a held trade, halt the platform).</summary>
public sealed record ReasonRequest([property: StringLength(1000)] string? Reason);
