namespace TreasuryArena.Core.Intelligence;

/// <summary>
/// The target allocation: shares of the whole treasury, <c>Base + Tactical = 1</c> and <c>Btc + Eth = Tactical</c>.
/// </summary>
/// <param name="Base">Base-yield sleeve (stable yield positions).</param>
/// <param name="Tactical">Tactical sleeve (BTC + ETH).</param>
/// <param name="Btc">BTC share of the whole treasury.</param>
/// <param name="Eth">ETH share of the whole treasury.</param>
/// <param name="Confidence">0..100, the phase's confidence.</param>
/// <param name="Reasons">Why each adjustment from the neutral split was made.</param>
/// <param name="Phase">The phase the signal was derived from.</param>
/// <param name="MvrvRung">How many MVRV ladder thresholds are crossed (0 = none, or MVRV Z unknown).</param>
/// <param name="FearGreedZone">The Fear &amp; Greed zone used for the tilt.</param>
public sealed record AllocationSignal(
    double Base,
    double Tactical,
    double Btc,
    double Eth,
    int Confidence,
    IReadOnlyList<string> Reasons,
    MarketPhase Phase,
    int MvrvRung,
    FearGreedZone FearGreedZone);
