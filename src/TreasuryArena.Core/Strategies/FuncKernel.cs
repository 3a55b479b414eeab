using TreasuryArena.Core.Backtesting;

namespace TreasuryArena.Core.Strategies;

/// <summary>A kernel wrapping a <see cref="DecideFunc"/>.</summary>
public sealed class FuncKernel(DecideFunc decide) : IStrategyKernel
{
    public void Decide(MarketView view, Span<double> target) => decide(view, target);
}
