namespace TreasuryArena.Core.Backtesting;

/// <summary>One step of a forward scan: the new state at the view's bar from the state at the bar before.</summary>
/// <param name="previous">The state at the previous bar (the scan's initial value before the first bar).</param>
/// <param name="view">What is known at this bar.</param>
public delegate double CausalStep(double previous, MarketView view);
