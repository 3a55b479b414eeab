namespace TreasuryArena.Server.Contracts;

/// <summary>One item of the yearly compliance review.</summary>
public sealed record ComplianceReviewItemResponse(string Item, DateTimeOffset? LastDoneAt, DateTimeOffset DueAt, bool Overdue, string Detail);
