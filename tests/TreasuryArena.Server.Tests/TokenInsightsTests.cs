using TreasuryArena.Core.Nav;
using TreasuryArena.Server.Endpoints;

namespace TreasuryArena.Server.Tests;

/// <summary>The list's sparkline and NAV changes read off stored NAV rows, including gaps in the dates.</summary>
public sealed class TokenInsightsTests
{
    private static readonly DateOnly Start = new(2026, 1, 1);

    [Fact]
    public void Sparkline_WithMissingDays_TakesTheLastPointOnOrBeforeEachWeek_AndEachPointOnce()
    {
        // Days 0..20 with 7, 8 and 12..15 missing: the due dates 20, 13, 6 pick days 20, 11, 6, then the first point.
        var rows = Rows(Enumerable.Range(0, 21).Where(d => d is not (7 or 8) and not (>= 12 and <= 15)));
        Assert.Equal([Nav(0), Nav(6), Nav(11), Nav(20)], TokenInsights.Sparkline(rows));

        // A gap longer than a week: day 1 would be picked for due dates 13 and 6; it appears once.
        var sparse = Rows([0, 1, 20]);
        Assert.Equal([Nav(0), Nav(1), Nav(20)], TokenInsights.Sparkline(sparse));
    }

    [Fact]
    public void Sparkline_OfOneOrNoPoint()
    {
        Assert.Equal([Nav(3)], TokenInsights.Sparkline(Rows([3])));
        Assert.Empty(TokenInsights.Sparkline([]));
    }

    [Fact]
    public void ChangeOver_UsesTheLastPointOnOrBeforeTheDate_OrNull()
    {
        var rows = Rows([0, 5, 9, 10]);
        Assert.Equal(Core.Common.RoundingPolicy.Ratio((Nav(10) / Nav(9)) - 1m), TokenInsights.ChangeOver(rows, 1));
        Assert.Equal(Core.Common.RoundingPolicy.Ratio((Nav(10) / Nav(5)) - 1m), TokenInsights.ChangeOver(rows, 3)); // day 7 is missing: day 5 is the last before it
        Assert.Equal(Core.Common.RoundingPolicy.Ratio((Nav(10) / Nav(0)) - 1m), TokenInsights.ChangeOver(rows, 10));
        Assert.Null(TokenInsights.ChangeOver(rows, 11));
        Assert.Null(TokenInsights.ChangeOver(Rows([4]), 1));
    }

    private static decimal Nav(int day) => 1m + (day / 100m);

    private static List<NavHistoryRow> Rows(IEnumerable<int> days) =>
        [.. days.Select(d => new NavHistoryRow("ALPHA", Start.AddDays(d), Nav(d), 0m, 2m, 0m, null, null, Nav(d), 0m, 0m, 0m))];
}
