using System.Globalization;
using TreasuryArena.Core.Nav;
using TreasuryArena.Core.Tokens;

namespace TreasuryArena.Core.Tests.Nav;

/// <summary>The breaker's state word, trip level and rule (issue 22's breaker information), computed once in Core.</summary>
public sealed class BreakerStateTests
{
    private static readonly LifecycleOptions Options = new();
    private static readonly BreakerLimit Limit = BreakerLimit.Derive(new DateOnly(2019, 1, 1), new DateOnly(2020, 12, 31), 0.30m, Options); // 37.5%
    private static readonly DateOnly Live = new(2025, 1, 1);

    private static readonly (DateOnly, decimal)[] Track =
    [
        (Live, 1.00m), (Live.AddDays(1), 1.20m), (Live.AddDays(2), 0.70m), (Live.AddDays(3), 0.60m), (Live.AddDays(4), 0.80m),
    ];

    private static LifecycleEvent Event(int day, TokenStatus from, TokenStatus to, string actor, int second = 0) =>
        new("TKN", Live.AddDays(day), from, to, actor, "why", new DateTimeOffset(2025, 1, 1, 0, 0, second, TimeSpan.Zero).AddDays(day));

    [Fact]
    public void Compute_Active_IsArmed_TripsAtPeakTimesOneMinusLimit()
    {
        var s = BreakerState.Compute(Limit, Live, TokenStatus.Active, [.. Track.Take(2)], [], Options);

        Assert.Equal(BreakerState.ArmedState, s.State);
        Assert.Null(s.TrippedAt);
        Assert.Equal(0.75m, s.TripsAtNav); // 1.20 × (1 − 0.375)
        Assert.StartsWith("trips when the NAV is 37.5% below its live peak (NAV 0.75 or lower)", s.ResumeRule, StringComparison.Ordinal);
        Assert.Contains("90 days without a new low", s.ResumeRule, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_PausedByTheBreaker_IsTripped_WithTheReviewLevels()
    {
        var events = new[] { Event(2, TokenStatus.Active, TokenStatus.Paused, NavEngine.EngineActor) };

        var s = BreakerState.Compute(Limit, Live, TokenStatus.Paused, Track, events, Options);

        Assert.Equal(BreakerState.TrippedState, s.State);
        Assert.Equal(Live.AddDays(2), s.TrippedAt);
        Assert.Null(s.TripsAtNav);
        Assert.Equal(0.90m, s.ResumeAtNav); // trough 0.60 + 50% × (peak 1.20 − 0.60)
        Assert.Equal("resumes by itself at NAV 0.9 (50.0% of the way back from the trough 0.6) or on " + Live.AddDays(93).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " if it makes no new low", s.ResumeRule);
    }

    [Fact]
    public void Compute_BreakerPauseHeldByAnAdmin_IsHeld_AndNeedsAnAdmin()
    {
        var events = new[]
        {
            Event(2, TokenStatus.Active, TokenStatus.Paused, NavEngine.EngineActor),
            Event(3, TokenStatus.Paused, TokenStatus.Paused, "admin", 1),
        };

        var s = BreakerState.Compute(Limit, Live, TokenStatus.Paused, Track, events, Options);

        Assert.Equal(BreakerState.HeldState, s.State);
        Assert.Equal(Live.AddDays(2), s.TrippedAt);
        Assert.Contains("an admin resumes it", s.ResumeRule, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_PausedByAnAdmin_IsPausedByAdmin_NotTripped()
    {
        var events = new[] { Event(2, TokenStatus.Active, TokenStatus.Paused, "admin") };

        var s = BreakerState.Compute(Limit, Live, TokenStatus.Paused, Track, events, Options);

        Assert.Equal(BreakerState.PausedByAdminState, s.State);
        Assert.Null(s.TrippedAt);
        Assert.Equal("paused by an admin: no automatic review; an admin resumes it", s.ResumeRule);
    }

    [Fact]
    public void Compute_ProvingOrRetired_NamesTheState_AndNoTripLevel()
    {
        Assert.Equal(BreakerState.ProvingState, BreakerState.Compute(Limit, Live, TokenStatus.Proving, Track, [], Options).State);
        var retired = BreakerState.Compute(Limit, Live, TokenStatus.Retired, Track, [], Options);
        Assert.Equal(BreakerState.RetiredState, retired.State);
        Assert.Null(retired.TripsAtNav);
    }
}
