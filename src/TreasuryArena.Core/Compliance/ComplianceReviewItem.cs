namespace TreasuryArena.Core.Compliance;

/// <summary>One item of the yearly compliance review: when it was last done (null: never), when it is due, whether it is overdue.</summary>
public sealed record ComplianceReviewItem(string Item, DateTimeOffset? LastDoneAt, DateTimeOffset DueAt, bool Overdue, string Detail);
