namespace TreasuryArena.Core.Evaluation;

/// <summary>
/// The simulated clock of a replay: the evaluation moves it to each replayed date (23:00 UTC, after the daily close),
/// so everything that reads the time — trade counts per UTC day, proposal lifetimes, audit stamps — sees the
/// replayed day, never the wall clock. It only moves forward.
/// </summary>
public sealed class ReplayClock : TimeProvider
{
    private static readonly TimeOnly DecisionTime = new(23, 0);

    private DateTimeOffset _now;

    public ReplayClock(DateOnly start) => _now = At(start);

    public DateOnly Date => DateOnly.FromDateTime(_now.UtcDateTime);

    public override DateTimeOffset GetUtcNow() => _now;

    /// <summary>Moves the clock to <paramref name="date"/>; moving backwards is a bug.</summary>
    public void MoveTo(DateOnly date)
    {
        var at = At(date);
        if (at < _now)
        {
            throw new ArgumentOutOfRangeException(nameof(date), date, $"the replay clock is at {_now:yyyy-MM-dd}; it does not go back");
        }

        _now = at;
    }

    private static DateTimeOffset At(DateOnly date) => new(date.ToDateTime(DecisionTime), TimeSpan.Zero);
}
