namespace TreasuryArena.Core.Compliance;

/// <summary>A review item marked done by a member (e.g. <c>ips_reviewed</c>, <c>key_holders_reviewed</c>).</summary>
public sealed record ComplianceReviewMark(Guid OrganisationId, string Item, DateTimeOffset MarkedAt, string MarkedBy, Guid MemberId);
