using System.Text.Json.Serialization;

namespace TreasuryArena.Core.Evaluation;

/// <summary>One risk tolerance: the optimizer-driven FULL_AI wallet, the 1/N wallet and the static 60/40 on the same dates.</summary>
/// <param name="BreakerTrips">The wallet drawdown breaker moving the optimizer wallet to HYBRID (at most once: nobody
/// moves it back in a replay, and a HYBRID wallet only proposes trades, which nobody approves).</param>
public sealed record WalletComparison(
    string Tolerance,
    ContenderResult Optimizer,
    ContenderResult EqualWeight,
    [property: JsonPropertyName("static_60_40")] ContenderResult Static6040,
    ExcessEstimate ExcessVsEqualWeight,
    string Verdict,
    IReadOnlyList<WalletBreakerTrip> BreakerTrips);
