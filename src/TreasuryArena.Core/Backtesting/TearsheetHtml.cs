using System.Globalization;
using System.Net;
using System.Text;
using TreasuryArena.Core.Quant;
using TreasuryArena.Core.Reporting;

namespace TreasuryArena.Core.Backtesting;

/// <summary>
/// A self-contained HTML tearsheet of a backtest (no scripts, no external files): equity against the benchmark
/// (log scale), drawdown, monthly returns heat map, weights over time, the metrics table and the trades.
/// </summary>
public static class TearsheetHtml
{
    /// <summary>How many trades the table lists (the most recent ones); the total is always stated.</summary>
    public const int MaxTrades = 500;

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private static readonly string[] Palette = ["#2563eb", "#f59e0b", "#10b981", "#8b5cf6", "#ef4444", "#64748b"];

    public static string Render(BacktestRun run, string yieldDescription)
    {
        ArgumentNullException.ThrowIfNull(run);
        var r = run.Result;
        var m = run.Metrics;
        var b = run.BenchmarkMetrics;
        var sb = new StringBuilder();
        sb.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
            .Append(E($"{run.Strategy.Name} backtest")).Append("</title><style>")
            .Append("body{font-family:system-ui,sans-serif;margin:24px auto;max-width:960px;color:#0f172a}")
            .Append("table{border-collapse:collapse;font-size:13px;margin:8px 0 20px}td,th{padding:3px 10px;border-bottom:1px solid #e2e8f0;text-align:right}")
            .Append("td:first-child,th:first-child{text-align:left}h1{font-size:22px}h2{font-size:16px;margin-top:28px}.meta{color:#475569;font-size:13px}")
            .Append("</style></head><body>");
        sb.Append("<h1>").Append(E(run.Strategy.Name)).Append("</h1><p class=\"meta\">")
            .Append(E(string.Join(", ", run.Strategy.Parameters.Select(p => $"{p.Key} = {p.Value}")))).Append("<br>")
            .Append(E(FormattableString.Invariant($"{run.From:yyyy-MM-dd} .. {run.To:yyyy-MM-dd} · {r.Dates.Length} bars · capital {run.Options.Capital:N0} · fee {run.Options.FeeBps} bps · slippage {run.Options.SlippageBps} bps")))
            .Append("<br>").Append(E($"yield asset: {yieldDescription} · rebalancing: {run.Options.Rebalance ?? run.Strategy.Rebalance} · benchmark: buy-and-hold {run.BenchmarkAsset}, no costs"))
            .Append("</p>");

        sb.Append("<h2>Metrics</h2><table><tr><th>metric</th><th>strategy</th><th>benchmark ").Append(E(run.BenchmarkAsset)).Append("</th></tr>");
        void Row(string name, double? s, double? bm, string fmt) => sb.Append(Inv, $"<tr><td>{E(name)}</td><td>{E(s?.ToString(fmt, Inv) ?? "—")}</td><td>{E(bm?.ToString(fmt, Inv) ?? "—")}</td></tr>");
        Row("final equity", r.FinalEquity, run.Benchmark[^1], "N2");
        Row("total return", m.TotalReturn, b.TotalReturn, "P2");
        Row("CAGR", m.Cagr, b.Cagr, "P2");
        Row("annual volatility", m.AnnualVolatility, b.AnnualVolatility, "P2");
        Row(FormattableString.Invariant($"Sharpe (rf {m.RiskFree} {m.RiskFreeRate:P2})"), m.Sharpe, b.Sharpe, "0.00");
        Row("Sortino", m.Sortino, b.Sortino, "0.00");
        Row("max drawdown", m.MaxDrawdown.Depth, b.MaxDrawdown.Depth, "P2");
        Row("Calmar", m.Calmar, b.Calmar, "0.00");
        Row("daily VaR 5%", m.ValueAtRisk, b.ValueAtRisk, "P2");
        Row("daily CVaR 5%", m.ConditionalValueAtRisk, b.ConditionalValueAtRisk, "P2");
        Row("hit rate", m.HitRate, b.HitRate, "P1");
        sb.Append(Inv, $"<tr><td>beta / alpha vs benchmark</td><td>{E(m.Beta?.ToString("0.00", Inv) ?? "—")} / {E(m.Alpha?.ToString("P2", Inv) ?? "—")}</td><td></td></tr>");
        sb.Append(Inv, $"<tr><td>trades</td><td>{r.TradeCount}</td><td>0</td></tr>");
        sb.Append(Inv, $"<tr><td>fees paid</td><td>{r.FeesPaid:N2}</td><td>0</td></tr>");
        sb.Append(Inv, $"<tr><td>slippage cost</td><td>{r.SlippagePaid:N2}</td><td>0</td></tr></table>");

        sb.Append("<h2>Equity</h2>").Append(SvgChart.Line(
            "Equity (log scale)",
            r.Dates,
            [new SvgSeries(run.Strategy.Name, r.Equity, Palette[0]), new SvgSeries("buy-and-hold " + run.BenchmarkAsset, run.Benchmark, Palette[1])],
            logScale: true));
        sb.Append("<h2>Drawdown</h2>").Append(SvgChart.Line(
            "Drawdown from peak",
            r.Dates,
            [new SvgSeries(run.Strategy.Name, DrawdownCurve(r.Equity), Palette[4]), new SvgSeries("buy-and-hold " + run.BenchmarkAsset, DrawdownCurve(run.Benchmark), Palette[1])],
            height: 220,
            fillToZero: true,
            valueFormat: "P0"));
        var (years, months) = MonthlyReturns(r);
        sb.Append("<h2>Monthly returns</h2>").Append(SvgChart.Heatmap(
            "Monthly returns (last column: the year)",
            years.Select(y => y.ToString(Inv)).ToList(),
            ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Year"],
            months));
        if (r.Weights is not null)
        {
            var series = new List<SvgSeries>();
            for (var i = 0; i < r.Assets.Length; i++)
            {
                var w = r.WeightsOf(i);
                if (w.Any(x => x > 1e-9))
                {
                    series.Add(new SvgSeries(r.Assets[i], w, Palette[series.Count % Palette.Length]));
                }
            }

            series.Add(new SvgSeries("cash", r.CashWeights(), "#cbd5e1"));
            sb.Append("<h2>Weights</h2>").Append(SvgChart.StackedArea("Weights over time", r.Dates, series));
        }

        sb.Append("<h2>Trades</h2><p class=\"meta\">").Append(r.TradeCount.ToString(Inv)).Append(" fills");
        if (r.Trades.Count > MaxTrades)
        {
            sb.Append(Inv, $"; the last {MaxTrades} are listed");
        }

        sb.Append(". Orders are decided at a bar's close and filled on the next bar's open (its close when no open is known).</p>");
        sb.Append("<table><tr><th>date</th><th>asset</th><th>side</th><th>units</th><th>price</th><th>notional</th><th>fee</th><th>slippage</th></tr>");
        foreach (var t in r.Trades.Skip(Math.Max(0, r.Trades.Count - MaxTrades)))
        {
            sb.Append(Inv, $"<tr><td>{t.Date:yyyy-MM-dd}</td><td>{E(t.Asset)}</td><td>{(t.Units >= 0 ? "buy" : "sell")}</td><td>{Math.Abs(t.Units):0.######}</td><td>{t.Price:N2}</td><td>{t.Notional:N2}</td><td>{t.Fee:N2}</td><td>{t.SlippageCost:N2}</td></tr>");
        }

        sb.Append("</table><p class=\"meta\">Metrics: TreasuryArena.Core.Quant (empyrical conventions, ")
            .Append(E(run.Result.PeriodsPerYear.ToString("0", Inv))).Append(" periods per year, risk-free rate 0). Generated by arena backtest.</p></body></html>");
        return sb.ToString();
    }

    /// <summary>V_t / max_{s≤t} V_s − 1 at every bar (the curve whose minimum the quant library reports).</summary>
    public static double[] DrawdownCurve(ReadOnlySpan<double> equity)
    {
        var r = new double[equity.Length];
        var peak = double.NegativeInfinity;
        for (var i = 0; i < equity.Length; i++)
        {
            peak = Math.Max(peak, equity[i]);
            r[i] = (equity[i] / peak) - 1;
        }

        return r;
    }

    /// <summary>Returns per calendar month (month-end equity over the previous month-end, the first month from the start) and per year.</summary>
    public static (int[] Years, double[,] Values) MonthlyReturns(BacktestResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var ends = new List<(int Year, int Month, double Equity)>();
        for (var t = 0; t < result.Dates.Length; t++)
        {
            var d = result.Dates[t];
            if (t + 1 == result.Dates.Length || result.Dates[t + 1].Month != d.Month || result.Dates[t + 1].Year != d.Year)
            {
                ends.Add((d.Year, d.Month, result.Equity[t]));
            }
        }

        var prices = new double[ends.Count + 1];
        prices[0] = result.Equity.Length > 0 ? result.Equity[0] : 1;
        for (var i = 0; i < ends.Count; i++)
        {
            prices[i + 1] = ends[i].Equity;
        }

        var returns = Returns.Simple(prices);
        var years = ends.Select(e => e.Year).Distinct().ToArray();
        var values = new double[years.Length, 13];
        for (var y = 0; y < years.Length; y++)
        {
            for (var c = 0; c < 13; c++)
            {
                values[y, c] = double.NaN;
            }
        }

        for (var i = 0; i < ends.Count; i++)
        {
            var y = Array.IndexOf(years, ends[i].Year);
            values[y, ends[i].Month - 1] = returns[i];
        }

        for (var y = 0; y < years.Length; y++)
        {
            var known = new List<double>(12);
            for (var c = 0; c < 12; c++)
            {
                if (double.IsFinite(values[y, c]))
                {
                    known.Add(values[y, c]);
                }
            }

            values[y, 12] = PerformanceMetrics.TotalReturn(known.ToArray());
        }

        return (years, values);
    }

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
