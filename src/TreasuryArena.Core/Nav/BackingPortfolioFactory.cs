using System.Collections.Concurrent;
using TreasuryArena.Core.Backtesting;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.MarketData;
using TreasuryArena.Core.Strategies;

namespace TreasuryArena.Core.Nav;

/// <summary>
/// Backing portfolios over the backtest engine: each token's strategy runs in a <see cref="PortfolioSimulator"/> on the
/// same frame a backtest of it uses (its assets plus BTC, the shipped or fetched history), starting all cash at the
/// close of the inception bar and stepped one bar at a time. Frames and indicator caches are shared by tokens that
/// trade the same assets. Paper fills, fees and slippage are the engine's (<see cref="BacktestOptions"/>).
/// </summary>
public sealed class BackingPortfolioFactory(MarketHistory history, BacktestOptions? options = null) : IBackingPortfolioFactory
{
    private readonly ConcurrentDictionary<string, (BarData Data, IndicatorSet Indicators)> _frames = new(StringComparer.Ordinal);
    private readonly BacktestOptions _options = (options ?? new BacktestOptions()) with { RecordTrades = false, RecordWeights = false };

    public BacktestOptions Options => _options;

    /// <summary>The frame a strategy's token runs on.</summary>
    public BarData Frame(IStrategy strategy)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        return FrameFor(strategy).Data;
    }

    public IBackingPortfolio Create(TokenBacking backing)
    {
        ArgumentNullException.ThrowIfNull(backing);
        var strategy = StrategyLibrary.Create(backing.Strategy, backing.Parameters);
        var (data, indicators) = FrameFor(strategy);
        var start = Array.BinarySearch(data.Dates, backing.Inception);
        if (start < 0)
        {
            throw new BacktestException($"{backing.Symbol}: inception {backing.Inception:yyyy-MM-dd} is not a bar of the {strategy.Name} data ({data.Dates[0]:yyyy-MM-dd}..{data.Dates[^1]:yyyy-MM-dd})");
        }

        var simulator = new PortfolioSimulator(data, strategy, _options, start, Math.Max(start, data.Count - 1), indicators);
        simulator.Step();
        return new SimulatedBacking(simulator, _options.Capital);
    }

    private (BarData Data, IndicatorSet Indicators) FrameFor(IStrategy strategy)
    {
        var assets = strategy.Assets.Append("BTC").Select(a => a.ToUpperInvariant()).Distinct(StringComparer.Ordinal).ToList();
        var key = string.Join("+", assets);
        return _frames.GetOrAdd(key, _ =>
        {
            var data = BarDataBuilder.FromHistory(history, assets);
            return (data, new IndicatorSet(data));
        });
    }

    private sealed class SimulatedBacking(PortfolioSimulator simulator, double capital) : IBackingPortfolio
    {
        public DateOnly Date => simulator.Data.Dates[simulator.Index];

        public DateOnly LastAvailable => simulator.Data.Dates[simulator.EndIndex];

        public decimal UnitValue => RoundingPolicy.Nearest(AnalyticsBoundary.ToDecimal(simulator.Equity / capital), 12);

        public bool AdvanceTo(DateOnly date)
        {
            var target = Array.BinarySearch(simulator.Data.Dates, date);
            if (target < 0 || target > simulator.EndIndex)
            {
                return false;
            }

            while (simulator.Index < target)
            {
                simulator.Step();
            }

            return simulator.Index == target;
        }
    }
}
