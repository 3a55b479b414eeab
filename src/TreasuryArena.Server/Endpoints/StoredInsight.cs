using TreasuryArena.Core.Nav;

namespace TreasuryArena.Server.Endpoints;

/// <summary>A token's stored NAV rows and its backing strategy's id (null without a backing), as <see cref="TokenInsights"/> reads them.</summary>
public sealed record StoredInsight(IReadOnlyList<NavHistoryRow> Rows, string? Strategy);
