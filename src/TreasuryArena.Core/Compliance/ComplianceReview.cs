namespace TreasuryArena.Core.Compliance;

/// <summary>An organisation's yearly compliance review as of an instant.</summary>
public sealed record ComplianceReview(Guid OrganisationId, DateTimeOffset AsOf, IReadOnlyList<ComplianceReviewItem> Items)
{
    public IReadOnlyList<ComplianceReviewItem> OverdueItems => [.. Items.Where(i => i.Overdue)];
}
