using TreasuryArena.Core.Quant;
using TreasuryArena.Core.Strategies;

namespace TreasuryArena.Core.Backtesting;

/// <summary>A finished backtest: the recorded run, the quant library's metrics, and the benchmark side by side.</summary>
public sealed record BacktestRun(
    IStrategy Strategy,
    BacktestOptions Options,
    BacktestResult Result,
    PerformanceReport Metrics,
    string BenchmarkAsset,
    double[] Benchmark,
    PerformanceReport BenchmarkMetrics)
{
    public DateOnly From => Result.Dates[0];

    public DateOnly To => Result.Dates[^1];
}
