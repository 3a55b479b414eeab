using TreasuryArena.Core.Backtesting;

namespace TreasuryArena.Core.Strategies;

/// <summary>A decision written as a function: target weights from what is known at the view's bar.</summary>
public delegate void DecideFunc(MarketView view, Span<double> target);
