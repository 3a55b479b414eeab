namespace TreasuryArena.Server.Tests.Support;

/// <summary>A settable clock (the testing package is not available here). Timers still use real time.</summary>
public sealed class FakeClock(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    public FakeClock()
        : this(new DateTimeOffset(2026, 3, 2, 14, 0, 0, TimeSpan.Zero))
    {
    }

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}
