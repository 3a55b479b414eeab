using TreasuryArena.Core.Backtesting;

namespace TreasuryArena.Core.Strategies;

/// <summary>
/// A configured strategy: which assets it trades, how the engine rebalances it, and how to build its decision
/// kernel over a frame. The kernel is a pure function of a <see cref="MarketView"/> (data up to bar t).
/// </summary>
public interface IStrategy
{
    /// <summary>Kebab-case library name, e.g. <c>treasury-60-40</c>.</summary>
    string Name { get; }

    /// <summary>The symbols the strategy trades (<c>BTC</c>, <c>ETH</c>, <c>YIELD</c>).</summary>
    IReadOnlyList<string> Assets { get; }

    /// <summary>Auxiliary series the strategy reads (see <see cref="AuxSeries"/>).</summary>
    IReadOnlyList<string> AuxiliarySeries { get; }

    RebalancePolicy Rebalance { get; }

    /// <summary>Bars of history needed before the first decision is meaningful.</summary>
    int WarmupBars { get; }

    /// <summary>The resolved parameter values, for reports.</summary>
    IReadOnlyDictionary<string, string> Parameters { get; }

    /// <summary>Builds the kernel: indicator series come only from <paramref name="indicators"/> (causal by construction).</summary>
    IStrategyKernel Prepare(IndicatorSet indicators);
}
