namespace TreasuryArena.Core.Intelligence;

/// <summary>
/// Decides the market phase from a snapshot. The clauses of <see cref="PhaseSettings.Clauses"/> are checked in order
/// (TOP, EUPHORIA, ACCUMULATION, BEAR, EARLY_BULL); the first clause whose conditions are all known and met decides.
/// A condition on a missing indicator (or one older than <see cref="PhaseSettings.MaxInputAge"/>) does not hold.
/// When no clause holds the phase is EARLY_BULL by default (the neutral allocation), with low confidence.
/// <para>Confidence: 85 when the deciding clause has two or more conditions, 75 for a single-condition clause, 65 for
/// the EARLY_BULL clause, 40 for the default; +5 per other clause of the same phase that also holds (at most +10);
/// −15 per missing key input (MVRV Z, Mayer multiple, 365-day drawdown, Fear &amp; Greed, funding) and −5 per
/// stale one used; clamped to 0..100.</para>
/// </summary>
public static class PhaseRules
{
    public static readonly IReadOnlyList<string> KeyInputs =
    [
        IndicatorNames.MvrvZ,
        IndicatorNames.MayerMultiple,
        IndicatorNames.BtcDrawdown365,
        IndicatorNames.FearGreed,
        IndicatorNames.FundingRateAnnualised,
    ];

    public static PhaseAssessment Classify(MarketSnapshot snapshot, PhaseSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        settings ??= PhaseSettings.Default;
        var readings = snapshot.All.ToDictionary(r => r.Name, StringComparer.Ordinal);
        double? Value(string name) => readings.TryGetValue(name, out var r) ? r.UsableValue(settings.MaxInputAge) : null;

        var missing = KeyInputs.Where(k => Value(k) is null).ToList();
        var stale = KeyInputs.Where(k => Value(k) is not null && readings[k].Stale).ToList();

        var clauses = settings.Clauses();
        PhaseClause? decided = null;
        List<PhaseEvidence>? evidence = null;
        foreach (var clause in clauses)
        {
            var ev = Evaluate(clause, Value);
            if (ev.All(e => e.Met))
            {
                decided = clause;
                evidence = ev;
                break;
            }
        }

        int baseConfidence;
        string rule;
        MarketPhase phase;
        var corroborating = new List<string>();
        if (decided is null)
        {
            phase = MarketPhase.EarlyBull;
            rule = "default";
            baseConfidence = 40;
            evidence = [.. clauses.SelectMany(c => Evaluate(c, Value)).Where(e => e.Value is null).DistinctBy(e => e.Indicator)];
        }
        else
        {
            phase = decided.Phase;
            rule = decided.Name;
            baseConfidence = decided.Phase == MarketPhase.EarlyBull ? 65 : decided.Conditions.Count >= 2 ? 85 : 75;
            foreach (var other in clauses.Where(c => c.Phase == phase && !ReferenceEquals(c, decided)))
            {
                var ev = Evaluate(other, Value);
                if (ev.All(e => e.Met))
                {
                    corroborating.Add(other.Name);
                    evidence!.AddRange(ev);
                }
            }
        }

        var confidence = baseConfidence + Math.Min(10, 5 * corroborating.Count) - (15 * missing.Count) - (5 * stale.Count);
        return new PhaseAssessment(phase, rule, evidence!, corroborating, missing, stale, Math.Clamp(confidence, 0, 100));
    }

    private static List<PhaseEvidence> Evaluate(PhaseClause clause, Func<string, double?> value) =>
    [
        .. clause.Conditions.Select(c =>
        {
            var v = value(c.Indicator);
            return new PhaseEvidence(clause.Name, c.Indicator, v, c.Symbol, c.Threshold, v is { } x && c.IsMet(x));
        }),
    ];
}
