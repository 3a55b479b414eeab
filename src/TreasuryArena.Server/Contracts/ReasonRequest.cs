using System.ComponentModel.DataAnnotations;
using TreasuryArena.Core.Common;

namespace TreasuryArena.Server.Contracts;

/// <summary>A decision's reason (reject an organisation, reject a held trade, halt the platform).</summary>
public sealed record ReasonRequest([property: StringLength(FreeText.ReasonMaxLength)] string? Reason);
