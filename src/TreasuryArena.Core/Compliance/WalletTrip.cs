namespace TreasuryArena.Core.Compliance;

/// <summary>
/// A wallet the drawdown breaker moved from FULL_AI to HYBRID and has not yet restored: when it tripped, and the lowest
/// value seen since (the trough) with its instant; the automatic review measures recovery and cooling-off from them.
/// </summary>
public sealed record WalletTrip(DateTimeOffset At, decimal Trough, DateTimeOffset TroughAt);
