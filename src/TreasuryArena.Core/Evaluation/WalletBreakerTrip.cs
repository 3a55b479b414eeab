namespace TreasuryArena.Core.Evaluation;

/// <summary>
/// The wallet drawdown breaker moving a FULL_AI wallet to HYBRID in the replay: the day, the peak it tracked, the value
/// that breached the limit and the drawdown (positive fraction of the peak).
/// </summary>
public sealed record WalletBreakerTrip(DateOnly Date, decimal Peak, decimal Value, decimal Drawdown);
