using TreasuryArena.Core.Policy;

namespace TreasuryArena.Core.Application;

/// <summary>An organisation's holdings measured against its current policy: the breaches (empty: compliant).</summary>
public sealed record PolicyReview(PolicyVersion Policy, PolicyHoldings Holdings, IReadOnlyList<PolicyBreach> Breaches);
