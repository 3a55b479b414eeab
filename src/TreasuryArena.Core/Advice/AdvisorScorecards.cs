namespace TreasuryArena.Core.Advice;

/// <summary>
/// Hit rate and calibration per advisor from journaled outcomes. Calibration buckets confidence in steps of 20
/// (0–20, 20–40, …, 80–100) and reports the hit rate of each; the Brier score is the mean of (confidence/100 − right)².
/// Weekly-review entries are not calls and are left out; unscored entries count as decisions only.
/// </summary>
public static class AdvisorScorecards
{
    public static IReadOnlyList<AdvisorScorecard> Compute(IEnumerable<JournalEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        return entries
            .Where(e => e.Decision.Kind != DecisionKind.WeeklyReview)
            .GroupBy(e => e.Decision.Advisor, StringComparer.OrdinalIgnoreCase)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Card(g.Key, [.. g]))
            .ToList();
    }

    private static AdvisorScorecard Card(string advisor, List<JournalEntry> entries)
    {
        var scored = entries.Where(e => e.Outcome?.Right is not null).ToList();
        if (scored.Count == 0)
        {
            return new AdvisorScorecard(advisor, entries.Count, 0, 0, null, null, null, []);
        }

        var right = scored.Count(e => e.Outcome!.Right == true);
        var brier = scored.Average(e => Math.Pow((e.Decision.Confidence / 100.0) - (e.Outcome!.Right == true ? 1.0 : 0.0), 2));
        var buckets = scored
            .GroupBy(e => Math.Min(e.Decision.Confidence / 20, 4))
            .OrderBy(b => b.Key)
            .Select(b => new CalibrationBucket(
                b.Key * 20,
                (b.Key * 20) + 20,
                b.Count(),
                b.Average(e => (double)e.Decision.Confidence),
                b.Count(e => e.Outcome!.Right == true) / (double)b.Count()))
            .ToList();
        return new AdvisorScorecard(
            advisor,
            entries.Count,
            scored.Count,
            right,
            right / (double)scored.Count,
            scored.Average(e => (double)e.Decision.Confidence),
            brier,
            buckets);
    }
}
