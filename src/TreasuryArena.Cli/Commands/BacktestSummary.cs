using TreasuryArena.Core.Backtesting;
using TreasuryArena.Core.MarketData;

namespace TreasuryArena.Cli;

/// <summary>
/// The <c>arena backtest --json</c> object. Ratios follow <c>RatioRules</c>: null when undefined (the reason in
/// <c>undefined_ratios</c>); <c>risk_free</c> names the rate the excess returns use and <c>risk_free_rate</c> its average.
/// <c>yield_live_from</c> is the first date the yield asset earns its venue APY (the T-bill before it; null for the
/// T-bill proxy); <c>inception_asset</c>/<c>inception_date</c> name the priced asset whose first liquid trading day is the
/// earliest start the range could have had.
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
    DateOnly? YieldLiveFrom,
    string? InceptionAsset,
    DateOnly? InceptionDate,
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
    public static BacktestSummary Of(BacktestRun run, YieldModel yieldModel, AssetInception? inception = null)
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
            yieldModel.LiveFrom,
            inception?.Asset,
            inception?.Date,
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
