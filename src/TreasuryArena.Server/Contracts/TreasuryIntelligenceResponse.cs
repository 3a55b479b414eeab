using TreasuryArena.Core.Common;
using TreasuryArena.Core.Intelligence;

namespace TreasuryArena.Server.Contracts;

/// <summary>
/// <c>GET /api/treasury/intelligence</c>: the indicators (value, as-of, age, source, stale), the market phase with the
/// evidence that decided it, and the allocation signal with its confidence — the treasury's view of the market on <see cref="AsOf"/>.
/// </summary>
public sealed record TreasuryIntelligenceResponse(
    DateOnly AsOf,
    string Phase,
    string PhaseRule,
    int PhaseConfidence,
    IReadOnlyList<string> PhaseEvidence,
    IReadOnlyList<TreasuryIntelligenceResponse.EvidenceRow> Evidence,
    IReadOnlyList<string> MissingInputs,
    IReadOnlyList<string> StaleInputs,
    TreasuryIntelligenceResponse.SignalFigures Signal,
    int Confidence,
    IReadOnlyList<TreasuryIntelligenceResponse.Indicator> Indicators,
    IReadOnlyList<string> Triggers,
    string? Emergency)
{
    /// <param name="neutralTactical">The treasury's configured tactical share, against which the signal's action is named.</param>
    /// <param name="targetTactical">The signal's tactical share capped at the treasury's maximum volatile share.</param>
    public static TreasuryIntelligenceResponse From(DateOnly asOf, IntelReport report, decimal neutralTactical, decimal targetTactical)
    {
        ArgumentNullException.ThrowIfNull(report);
        var s = report.Signal;
        var tactical = RoundingPolicy.Ratio(AnalyticsBoundary.ToDecimal(s.Tactical), 6);
        var action = tactical > neutralTactical ? "increase_tactical" : tactical < neutralTactical ? "reduce_tactical" : "neutral";
        var emergency = report.Triggers.FirstOrDefault(t => t.Kind == TriggerKind.Emergency);
        return new(
            asOf,
            report.PhaseName,
            report.Phase.Rule,
            report.Phase.Confidence,
            report.Phase.Evidence.Select(e => e.ToString()).ToList(),
            report.Phase.Evidence.Select(e => new EvidenceRow(e.Clause, e.Indicator, e.Value, e.Comparison, e.Threshold, e.Met)).ToList(),
            report.Phase.MissingInputs,
            report.Phase.StaleInputs,
            new SignalFigures(action, Fraction(s.Base), tactical, Fraction(s.Btc), Fraction(s.Eth), targetTactical, s.Confidence, s.Reasons),
            s.Confidence,
            report.Snapshot.All.Select(i => new Indicator(i.Name, i.Label, i.Value, i.Source, i.AsOf, i.Age is { } a ? (long)a.TotalSeconds : null, i.Age is { } d ? Math.Round(d.TotalDays, 2) : null, i.Stale, i.Note)).ToList(),
            report.Triggers.Where(t => t.Kind != TriggerKind.Drift).Select(t => t.Message).ToList(),
            emergency is null ? null : $"{emergency.Code}: {emergency.Message}");
    }

    private static decimal Fraction(double value) => RoundingPolicy.Ratio(AnalyticsBoundary.ToDecimal(value), 6);

    /// <summary>One evaluated phase condition.</summary>
    public sealed record EvidenceRow(string Clause, string Indicator, double? Value, string Comparison, double Threshold, bool Met);

    /// <summary>The allocation signal: shares of the whole treasury, and its action against the configured neutral split.</summary>
    public sealed record SignalFigures(string Action, decimal BaseShare, decimal TacticalShare, decimal BtcShare, decimal EthShare, decimal TargetTacticalShare, int Confidence, IReadOnlyList<string> Reasons);

    /// <summary>One indicator with its age and source; a missing one has a null value and says why in <see cref="Note"/>.</summary>
    public sealed record Indicator(string Name, string? Label, double? Value, string Source, DateTimeOffset? AsOf, long? AgeSeconds, double? AgeDays, bool Stale, string? Note);
}
