using TreasuryArena.Core.Intelligence;

namespace TreasuryArena.Core.Treasury;

/// <summary>The treasury's MVRV ladder on a date: its state after that day's Z, the number of rungs and the re-entry level.</summary>
public sealed record LadderView(LadderState State, int Rungs, double ReentryZ)
{
    /// <summary>"rungs sold: 2 of 4 since 2017-12-16; re-entry when Z &lt; 1.0".</summary>
    public string Description => State.Describe(Rungs, ReentryZ);

    /// <summary>The named trigger when the ladder changed on <paramref name="date"/> ("ladder rung 4 (MVRV Z 9.31 ≥ 9)"), else null.</summary>
    public string? TriggerOn(DateOnly date) => State.ChangedToday(date) ? State.Change : null;
}
