using TreasuryArena.Core.Backtesting;

namespace TreasuryArena.Core.Strategies.Specs;

/// <summary>A compiled spec signal: compares two causal series, or one series with a threshold (NaN is false).</summary>
internal sealed class SignalEvaluator(CausalSeries left, CausalSeries? right, double threshold, SignalComparison comparison)
{
    public bool Evaluate(MarketView view)
    {
        var a = view.Value(left);
        var b = right is null ? threshold : view.Value(right);
        return comparison switch
        {
            SignalComparison.Greater => a > b,
            SignalComparison.GreaterOrEqual => a >= b,
            SignalComparison.Less => a < b,
            _ => a <= b,
        };
    }
}
