using TreasuryArena.Core.Backtesting;

namespace TreasuryArena.Core.Strategies;

/// <summary>A strategy assembled from its parts: the library's strategies and the spec interpreter build these.</summary>
public sealed class KernelStrategy(
    string name,
    IReadOnlyList<string> assets,
    IReadOnlyList<string> auxiliarySeries,
    RebalancePolicy rebalance,
    int warmupBars,
    IReadOnlyDictionary<string, string> parameters,
    Func<IndicatorSet, IStrategyKernel> prepare) : IStrategy
{
    public string Name { get; } = name;

    public IReadOnlyList<string> Assets { get; } = assets;

    public IReadOnlyList<string> AuxiliarySeries { get; } = auxiliarySeries;

    public RebalancePolicy Rebalance { get; } = rebalance;

    public int WarmupBars { get; } = warmupBars;

    public IReadOnlyDictionary<string, string> Parameters { get; } = parameters;

    public IStrategyKernel Prepare(IndicatorSet indicators)
    {
        ArgumentNullException.ThrowIfNull(indicators);
        return prepare(indicators);
    }
}
