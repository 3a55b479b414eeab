namespace TreasuryArena.Core.Evaluation;

/// <summary>The calendar every rebalancing contender of an evaluation shares.</summary>
public enum RebalanceSchedule
{
    /// <summary>Every seventh day from the first evaluated date.</summary>
    Weekly,

    /// <summary>The first evaluated date, then the first day of every month.</summary>
    Monthly,
}
