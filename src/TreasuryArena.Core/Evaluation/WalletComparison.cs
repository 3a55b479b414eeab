using System.Text.Json.Serialization;

namespace TreasuryArena.Core.Evaluation;

/// <summary>One risk tolerance: the optimizer-driven FULL_AI wallet, the 1/N wallet and the static 60/40 on the same dates.</summary>
/// <param name="BreakerTrips">The wallet drawdown breaker moving the optimizer wallet to HYBRID, each with the day its
/// review returned it to FULL_AI (while HYBRID it only proposes trades, which nobody approves in a replay).</param>
public sealed record WalletComparison(
    string Tolerance,
    ContenderResult Optimizer,
    ContenderResult EqualWeight,
    [property: JsonPropertyName("static_60_40")] ContenderResult Static6040,
    ExcessEstimate ExcessVsEqualWeight,
    string Verdict,
    IReadOnlyList<WalletBreakerTrip> BreakerTrips);
