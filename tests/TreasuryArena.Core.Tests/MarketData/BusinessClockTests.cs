using TreasuryArena.Core.MarketData;
using TreasuryArena.Core.Tests.Ledger;

namespace TreasuryArena.Core.Tests.MarketData;

public sealed class BusinessClockTests
{
    private static readonly DateOnly LastComplete = new(2026, 2, 22);

    [Fact]
    public void History_WallClockPastTheData_IsTheLastDayWithCompleteData()
    {
        var clock = BusinessClock.History(LastComplete, new LedgerFakeTime(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero)));

        Assert.Equal(LastComplete, clock.Today);
        Assert.Equal("history", clock.Mode);
    }

    [Fact]
    public void History_WallClockBeforeTheDataEnds_IsToday()
    {
        var clock = BusinessClock.History(LastComplete, new LedgerFakeTime(new DateTimeOffset(2025, 6, 1, 23, 59, 0, TimeSpan.Zero)));

        Assert.Equal(new DateOnly(2025, 6, 1), clock.Today);
    }

    [Fact]
    public void Live_AnyData_IsTodayUtc()
    {
        var clock = BusinessClock.Live(new LedgerFakeTime(new DateTimeOffset(2026, 12, 7, 23, 30, 0, TimeSpan.FromHours(-5))));

        Assert.Equal(new DateOnly(2026, 12, 8), clock.Today);
        Assert.Equal("live", clock.Mode);
    }

    [Fact]
    public void Replay_AdvanceTo_MovesForwardOnly()
    {
        var clock = new ReplayBusinessClock(new DateOnly(2025, 10, 1));
        clock.AdvanceTo(new DateOnly(2025, 10, 12));

        Assert.Equal(new DateOnly(2025, 10, 12), clock.Today);
        Assert.Throws<ArgumentOutOfRangeException>(() => clock.AdvanceTo(new DateOnly(2025, 10, 11)));
    }
}
