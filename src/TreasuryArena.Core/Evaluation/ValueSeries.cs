namespace TreasuryArena.Core.Evaluation;

/// <summary>A contender's value on each evaluated date (the first is the starting value), for charts and yearly returns.</summary>
public sealed record ValueSeries(IReadOnlyList<DateOnly> Dates, IReadOnlyList<double> Values)
{
    public double[] Returns()
    {
        var r = new double[Math.Max(0, Values.Count - 1)];
        for (var i = 1; i < Values.Count; i++)
        {
            r[i - 1] = Values[i - 1] > 0 ? (Values[i] / Values[i - 1]) - 1 : 0;
        }

        return r;
    }
}
