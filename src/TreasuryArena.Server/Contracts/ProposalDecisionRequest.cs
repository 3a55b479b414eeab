using System.ComponentModel.DataAnnotations;

namespace TreasuryArena.Server.Contracts;

/// <summary>Approve or reject a HYBRID proposal, with an optional note.</summary>
public sealed record ProposalDecisionRequest([property: StringLength(1000)] string? Note = null);
