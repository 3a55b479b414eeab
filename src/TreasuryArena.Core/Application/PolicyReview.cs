using TreasuryArena.Core.Policy;

namespace TreasuryArena.Core.Application;

/// <summary>
/// An organisation's holdings measured against its current policy: the breaches (empty: compliant), and the breaches the
/// daily scan recorded after market moves over the last <see cref="PolicyUseCases.RecordedDays"/> days, newest first.
/// </summary>
public sealed record PolicyReview(PolicyVersion Policy, PolicyHoldings Holdings, IReadOnlyList<PolicyBreach> Breaches)
{
    public IReadOnlyList<RecordedBreach> Recorded { get; init; } = [];
}
