using System.ComponentModel.DataAnnotations;
using TreasuryArena.Core.Common;

namespace TreasuryArena.Server.Contracts;

/// <summary>Approve or reject a HYBRID proposal, with an optional note.</summary>
public sealed record ProposalDecisionRequest([property: StringLength(FreeText.ReasonMaxLength)] string? Note = null);
