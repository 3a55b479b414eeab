namespace TreasuryArena.Core.Compliance;

/// <summary>
/// The yearly compliance review (configuration section <c>Compliance</c>): each item is due
/// <see cref="ReviewPeriodDays"/> after it was last done (or after the organisation joined, when never done); when an
/// item is overdue a trade is warned, or refused (<c>compliance_review_overdue</c>) when
/// <see cref="RefuseTradingWhenReviewOverdue"/> is set.
/// </summary>
public sealed class ComplianceReviewOptions
{
    public const string SectionName = "Compliance";

    public int ReviewPeriodDays { get; init; } = 365;

    public bool RefuseTradingWhenReviewOverdue { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the key when the period is out of range.</summary>
    public void Validate()
    {
        if (ReviewPeriodDays is < 1 or > 3660)
        {
            throw new ArgumentException($"{SectionName}:ReviewPeriodDays must be within 1 and 3660, got {ReviewPeriodDays}");
        }
    }
}
