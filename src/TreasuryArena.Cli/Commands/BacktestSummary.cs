using TreasuryArena.Core.Backtesting;

namespace TreasuryArena.Cli;

/// <summary>
/// The <c>arena backtest --json</c> object. Ratios follow <c>RatioRules</c>: null when undefined (the reason in
/// <c>undefined_ratios</c>); <c>risk_free</c> names the rate the excess returns use and <c>risk_free_rate</c> its average.
/// </summary>
internal sealed record BacktestSummary(
    string Strategy,
    IReadOnlyDictionary<string, string> Parameters,
    DateOnly From,
    DateOnly To,
    int Bars,
    double Capital,
    double FeeBps,
    double SlippageBps,
    string YieldModel,
    string Rebalance,
    double FinalEquity,
    double TotalReturn,
    double Cagr,
    double Volatility,
    double? Sharpe,
    double? Sortino,
    double MaxDrawdown,
    double? Calmar,
    double? Beta,
    double? Alpha,
    double? InformationRatio,
    string RiskFree,
    double RiskFreeRate,
    IReadOnlyDictionary<string, string> UndefinedRatios,
    int Trades,
    double FeesPaid,
    double SlippagePaid,
    BenchmarkSummary Benchmark)
{
    public static BacktestSummary Of(BacktestRun run, YieldModel yieldModel)
    {
        var m = run.Metrics;
        var b = run.BenchmarkMetrics;
        return new BacktestSummary(
            run.Strategy.Name,
            run.Strategy.Parameters,
            run.From,
            run.To,
            run.Result.Dates.Length,
            run.Options.Capital,
            run.Options.FeeBps,
            run.Options.SlippageBps,
            yieldModel.ToString(),
            (run.Options.Rebalance ?? run.Strategy.Rebalance).ToString(),
            run.Result.FinalEquity,
            m.TotalReturn,
            m.Cagr,
            m.AnnualVolatility,
            m.Sharpe,
            m.Sortino,
            m.MaxDrawdown.Depth,
            m.Calmar,
            m.Beta,
            m.Alpha,
            m.InformationRatio,
            m.RiskFree,
            m.RiskFreeRate,
            m.UndefinedRatios,
            run.Result.TradeCount,
            run.Result.FeesPaid,
            run.Result.SlippagePaid,
            new BenchmarkSummary(run.BenchmarkAsset, run.Benchmark[^1], b.TotalReturn, b.Cagr, b.AnnualVolatility, b.Sharpe, b.MaxDrawdown.Depth));
    }
}
