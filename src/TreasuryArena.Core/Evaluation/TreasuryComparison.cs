using System.Text.Json.Serialization;

namespace TreasuryArena.Core.Evaluation;

/// <summary>
/// The treasury: the managed 60/40 (market-phase rules and advisor, replayed through the treasury manager) against a
/// static 60/40 of the same yield model and BTC, and BTC buy-and-hold.
/// </summary>
public sealed record TreasuryComparison(
    ContenderResult? Managed,
    [property: JsonPropertyName("static_60_40")] ContenderResult Static6040,
    ContenderResult BtcHold,
    IReadOnlyList<TreasuryCall> Calls,
    string? Note);
