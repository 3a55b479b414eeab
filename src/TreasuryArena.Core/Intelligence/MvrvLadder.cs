namespace TreasuryArena.Core.Intelligence;

/// <summary>
/// The MVRV Z sell ladder with memory, shared by the treasury (<see cref="LadderState"/>) and the library strategy
/// <c>treasury-60-40</c>: a rung is sold when Z reaches its threshold and stays sold while Z falls back, until Z drops
/// below the re-entry level, when every rung is bought back at once. A missing Z changes nothing.
/// </summary>
public static class MvrvLadder
{
    /// <summary>How many of the ascending <paramref name="thresholds"/> <paramref name="z"/> reaches (z ≥ threshold).</summary>
    public static int Crossed(double z, IReadOnlyList<double> thresholds)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        var crossed = 0;
        while (crossed < thresholds.Count && z >= thresholds[crossed])
        {
            crossed++;
        }

        return crossed;
    }

    /// <summary>
    /// The rungs sold after observing <paramref name="z"/>: 0 when z is below <paramref name="reentry"/>; otherwise the
    /// most of <paramref name="previous"/>, the thresholds z reaches and <paramref name="minimum"/> (the treasury sells at
    /// least one rung in a TOP phase). NaN keeps <paramref name="previous"/>.
    /// </summary>
    public static int Next(int previous, double z, IReadOnlyList<double> thresholds, double reentry, int minimum = 0)
    {
        if (double.IsNaN(z))
        {
            return previous;
        }

        if (z < reentry)
        {
            return 0;
        }

        return Math.Max(Math.Max(previous, minimum), Crossed(z, thresholds));
    }
}
