using TreasuryArena.Core.Backtesting;

namespace TreasuryArena.Core.Strategies;

/// <summary>The per-bar decision: target weights (indexed like the frame's assets; the rest stays in cash).</summary>
public interface IStrategyKernel
{
    /// <summary>Writes target weights into <paramref name="target"/> (cleared to 0 before the call).</summary>
    void Decide(MarketView view, Span<double> target);
}
