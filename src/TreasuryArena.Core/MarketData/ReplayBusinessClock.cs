using TreasuryArena.Core.Ports;

namespace TreasuryArena.Core.MarketData;

/// <summary>
/// A business clock a replay moves forward (<c>arena demo</c>; an evaluation instead runs
/// <see cref="BusinessClock"/> over its simulated <see cref="TimeProvider"/>): <see cref="Today"/> is the replayed day, so what
/// the replay writes (deposits, wallet openings) is dated on the replayed calendar, not the wall clock's.
/// </summary>
public sealed class ReplayBusinessClock(DateOnly start) : IBusinessClock
{
    private DateOnly today = start;

    public DateOnly Today => today;

    public string Mode => "replay";

    /// <summary>Moves the clock to <paramref name="date"/>; it never goes back.</summary>
    public void AdvanceTo(DateOnly date)
    {
        if (date < today)
        {
            throw new ArgumentOutOfRangeException(nameof(date), $"the replay business clock is at {today:yyyy-MM-dd} and does not go back to {date:yyyy-MM-dd}");
        }

        today = date;
    }
}
