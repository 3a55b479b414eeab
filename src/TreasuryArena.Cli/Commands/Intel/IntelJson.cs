using TreasuryArena.Core.Intelligence;

namespace TreasuryArena.Cli.Commands.Intel;

/// <summary>The <c>arena intel --json</c> document.</summary>
internal sealed record IntelJson(
    DateTimeOffset AsOf,
    string Mode,
    IReadOnlyDictionary<string, IndicatorJson> Indicators,
    string Phase,
    string PhaseRule,
    int PhaseConfidence,
    IReadOnlyList<string> PhaseEvidence,
    IReadOnlyList<string> PhaseMissingInputs,
    SignalJson Signal,
    IReadOnlyList<TriggerJson> Triggers,
    string TriggerReference,
    IReadOnlyList<string> Notes,
    IReadOnlyList<MarketDataSourceHealth> SourceHealth,
    string? PhaseUnknownReason);
