using TreasuryArena.Core.Common;

namespace TreasuryArena.Core.Backtesting;

/// <summary>A backtest that cannot run as asked (dates outside the data, an unknown benchmark): a user error.</summary>
public sealed class BacktestException(string message) : DomainException(Outcome.BadBacktest, message);
