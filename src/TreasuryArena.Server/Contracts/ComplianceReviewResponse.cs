using TreasuryArena.Core.Compliance;

namespace TreasuryArena.Server.Contracts;

/// <summary>The yearly compliance review of an organisation: its items with due dates, and the overdue ones.</summary>
public sealed record ComplianceReviewResponse(Guid OrganisationId, DateTimeOffset AsOf, IReadOnlyList<ComplianceReviewItemResponse> Items, IReadOnlyList<string> Overdue)
{
    public static ComplianceReviewResponse From(ComplianceReview r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(r.OrganisationId, r.AsOf,
            [.. r.Items.Select(i => new ComplianceReviewItemResponse(i.Item, i.LastDoneAt, i.DueAt, i.Overdue, i.Detail))],
            [.. r.OverdueItems.Select(i => i.Item)]);
    }
}
