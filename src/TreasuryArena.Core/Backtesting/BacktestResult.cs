namespace TreasuryArena.Core.Backtesting;

/// <summary>
/// A recorded run: the equity at each bar's close, the weights (row-major, one row per bar, one column per
/// asset; null when not recorded), the trades, the decisions and the cost totals.
/// </summary>
public sealed class BacktestResult(
    string strategy,
    string[] assets,
    DateOnly[] dates,
    double[] equity,
    double[]? weights,
    IReadOnlyList<Trade> trades,
    IReadOnlyList<Decision> decisions,
    int tradeCount,
    double feesPaid,
    double slippagePaid,
    double capital,
    double periodsPerYear)
{
    public string Strategy { get; } = strategy;

    public string[] Assets { get; } = assets;

    public DateOnly[] Dates { get; } = dates;

    public double[] Equity { get; } = equity;

    public double[]? Weights { get; } = weights;

    public IReadOnlyList<Trade> Trades { get; } = trades;

    public IReadOnlyList<Decision> Decisions { get; } = decisions;

    public int TradeCount { get; } = tradeCount;

    public double FeesPaid { get; } = feesPaid;

    public double SlippagePaid { get; } = slippagePaid;

    public double Capital { get; } = capital;

    public double PeriodsPerYear { get; } = periodsPerYear;

    public double FinalEquity => Equity.Length > 0 ? Equity[^1] : Capital;

    public double TotalReturn => (FinalEquity / Capital) - 1;

    /// <summary>The weight of asset <paramref name="asset"/> at every bar (empty when weights were not recorded).</summary>
    public double[] WeightsOf(int asset)
    {
        if (Weights is null)
        {
            return [];
        }

        var n = Assets.Length;
        var r = new double[Dates.Length];
        for (var t = 0; t < r.Length; t++)
        {
            r[t] = Weights[(t * n) + asset];
        }

        return r;
    }

    /// <summary>Cash weight at every bar: 1 − Σ asset weights.</summary>
    public double[] CashWeights()
    {
        var r = new double[Dates.Length];
        if (Weights is null)
        {
            return r;
        }

        var n = Assets.Length;
        for (var t = 0; t < r.Length; t++)
        {
            double s = 0;
            for (var i = 0; i < n; i++)
            {
                s += Weights[(t * n) + i];
            }

            r[t] = 1 - s;
        }

        return r;
    }
}
