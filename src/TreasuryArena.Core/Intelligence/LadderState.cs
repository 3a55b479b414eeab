using System.Globalization;

namespace TreasuryArena.Core.Intelligence;

/// <summary>
/// The treasury's MVRV ladder memory (<see cref="MvrvLadder"/>): how many rungs are sold, since when (the day the first
/// rung of the current cycle was sold), the last day observed with its Z, and the last day the ladder changed with what
/// changed (a rung sold or the re-entry). A change on the day being decided is a named trigger that may trade inside the
/// drift band. Persisted with the treasury state so it survives restarts and is the same in every process.
/// </summary>
public sealed record LadderState(int RungsSold, DateOnly? SoldSince, DateOnly? ObservedOn, double? LastZ, DateOnly? ChangedOn, string? Change)
{
    /// <summary>Nothing sold, nothing observed yet.</summary>
    public static LadderState Empty { get; } = new(0, null, null, null, null, null);

    /// <summary>
    /// The ladder after observing <paramref name="z"/> on <paramref name="date"/>. A date on or before the last one
    /// observed changes nothing (the ladder only moves forward, so asking twice on one day gives the same answer).
    /// </summary>
    public LadderState Observe(DateOnly date, double? z, IReadOnlyList<double> thresholds, double reentry, int minimum = 0)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        if (ObservedOn is { } seen && date <= seen)
        {
            return this;
        }

        if (z is not { } zv || double.IsNaN(zv))
        {
            return this with { ObservedOn = date };
        }

        var rungs = MvrvLadder.Next(RungsSold, zv, thresholds, reentry, minimum);
        if (rungs == RungsSold)
        {
            return this with { ObservedOn = date, LastZ = zv };
        }

        string change;
        if (rungs == 0)
        {
            change = F($"ladder re-entry: MVRV Z {zv:0.00} < {reentry:0.0#}, {RungsSold} rung{(RungsSold == 1 ? "" : "s")} bought back");
        }
        else
        {
            var crossed = MvrvLadder.Crossed(zv, thresholds);
            change = crossed >= rungs
                ? F($"ladder rung {rungs} (MVRV Z {zv:0.00} ≥ {thresholds[rungs - 1]:0.0#})")
                : F($"ladder rung {rungs} (TOP phase, MVRV Z {zv:0.00})");
        }

        return new LadderState(rungs, rungs == 0 ? null : SoldSince ?? date, date, zv, date, change);
    }

    /// <summary>Whether the ladder changed on <paramref name="date"/> (a named trigger that day).</summary>
    public bool ChangedToday(DateOnly date) => ChangedOn == date && Change is not null;

    /// <summary>"rungs sold: 2 of 4 since 2017-05-24; re-entry when Z &lt; 1.0" (or "none sold").</summary>
    public string Describe(int rungCount, double reentry) =>
        RungsSold == 0
            ? F($"rungs sold: 0 of {rungCount}; a rung sold stays sold until MVRV Z < {reentry:0.0#}")
            : F($"rungs sold: {RungsSold} of {rungCount} since {SoldSince:yyyy-MM-dd}; re-entry when Z < {reentry:0.0#}");

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
