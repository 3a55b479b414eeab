namespace TreasuryArena.Core.Application;

/// <summary>A treasurer's decision on a pending HYBRID proposal: approve (its orders execute) or reject, with an optional note.</summary>
public sealed record ProposalDecision(Guid Proposal, bool Approve, string? Note);
