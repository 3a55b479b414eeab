namespace TreasuryArena.Core.Evaluation;

/// <summary>
/// The wallet drawdown breaker moving a FULL_AI wallet to HYBRID in the replay: the day, the peak it tracked, the value
/// that breached the limit and the drawdown (positive fraction of the peak), and the day the breaker's review returned
/// it to FULL_AI (null while it stays HYBRID).
/// </summary>
public sealed record WalletBreakerTrip(DateOnly Date, decimal Peak, decimal Value, decimal Drawdown, DateOnly? ResumedOn = null);
