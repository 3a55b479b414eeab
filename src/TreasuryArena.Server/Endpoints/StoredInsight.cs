using TreasuryArena.Core.Nav;

namespace TreasuryArena.Server.Endpoints;

/// <summary>A token's stored NAV rows and its backing strategy's id (null without a backing), as <see cref="TokenInsights"/> reads them.</summary>
public sealed record StoredInsight(IReadOnlyList<NavHistoryRow> Rows, string? Strategy);

/// <summary>
/// What the info page adds to <see cref="StoredInsight"/>: every NAV row (in the insight), the lifecycle events (as
/// shown, and as stored for the breaker's review state), and the breaker's limit and reference date (null without a backing).
/// </summary>
public sealed record StoredDetail(
    StoredInsight Insight,
    IReadOnlyList<Contracts.LifecycleEventResponse> Lifecycle,
    IReadOnlyList<LifecycleEvent>? Events = null,
    BreakerLimit? Limit = null,
    DateOnly? BreakerReference = null);
