using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using TreasuryArena.Core.Quant;

namespace TreasuryArena.Cli.Commands.Quant;

/// <summary><c>arena metrics --prices FILE.csv [--column NAME]</c>: every performance metric of one price column.</summary>
internal static class MetricsCommand
{
    public static Command Create()
    {
        var prices = new Option<string?>("--prices") { Description = "Wide price CSV: a date column, then one price column per asset" };
        var column = new Option<string?>("--column") { Description = "The price column (needed when the file has several)" };
        var frequency = new Option<double?>("--frequency") { Description = "Periods per year (default 252; 365 for crypto)" };
        var riskFree = new Option<double?>("--risk-free") { Description = "Annual risk-free rate for Sharpe and alpha (default 0)" };
        var benchmark = new Option<string?>("--benchmark") { Description = "Another column of the same file to compute beta and alpha against" };
        var json = new Option<bool>("--json") { Description = "Print JSON (snake_case)" };
        var cmd = new Command("metrics", "Return and risk metrics of a price series (CAGR, volatility, Sharpe, Sortino, drawdown, VaR, …)");
        foreach (var o in new Option[] { prices, column, frequency, riskFree, benchmark, json })
        {
            cmd.Options.Add(o);
        }

        cmd.SetAction(parse =>
        {
            var table = QuantCli.ReadPrices(parse.GetValue(prices));
            var freq = parse.GetValue(frequency) ?? 252;
            if (!(freq > 0) || !double.IsFinite(freq))
            {
                throw new CliException("--frequency must be a positive number");
            }

            var options = new MetricsOptions { PeriodsPerYear = freq, RiskFreeRate = parse.GetValue(riskFree) ?? 0 };
            var (name, report) = QuantCli.Guard(() => Compute(table, parse.GetValue(column), parse.GetValue(benchmark), options));
            if (parse.GetValue(json))
            {
                CliJson.Write(ToJson(name, report), indented: true);
            }
            else
            {
                Print(name, report);
            }

            return 0;
        });
        return cmd;
    }

    public static (string Name, PerformanceReport Report) Compute(PriceTable table, string? column, string? benchmark, MetricsOptions options)
    {
        string name;
        if (column is null)
        {
            if (table.AssetCount != 1)
            {
                throw new CliException($"the file has {table.AssetCount} price columns ({string.Join(", ", table.Assets)}); choose one with --column");
            }

            name = table.Assets[0];
        }
        else
        {
            name = table.Assets.Contains(column, StringComparer.Ordinal)
                ? column
                : throw new CliException($"no column '{column}' in the file (columns: {string.Join(", ", table.Assets)})");
        }

        var names = benchmark is null ? new[] { name } : [name, benchmark];
        if (benchmark is not null && !table.Assets.Contains(benchmark, StringComparer.Ordinal))
        {
            throw new CliException($"no benchmark column '{benchmark}' in the file");
        }

        var gaps = table.Gaps.Where(g => names.Contains(g.Asset)).ToList();
        if (gaps.Count > 0)
        {
            var g = gaps[0];
            throw new CliException(string.Create(CultureInfo.InvariantCulture, $"{g.Asset} has {g.MissingRows} missing price(s) inside its history ({g.From:yyyy-MM-dd}..{g.To:yyyy-MM-dd}); gaps are not filled"));
        }

        // The dates on which the chosen column(s) all have prices (an asset's history before listing is skipped).
        var sub = table.Select(names);
        sub = sub.IsComplete ? sub : sub.CompleteRows();
        var p = sub.Column(0).ToArray();
        var b = benchmark is null ? [] : sub.Column(1).ToArray();
        return (name, PerformanceMetrics.Compute(p, sub.Dates, options, b));
    }

    private static object ToJson(string name, PerformanceReport r) => new
    {
        column = name,
        start = r.Start,
        end = r.End,
        periods = r.Periods,
        periods_per_year = r.PeriodsPerYear,
        total_return = r.TotalReturn,
        cagr = r.Cagr,
        annual_volatility = r.AnnualVolatility,
        sharpe = r.Sharpe,
        sortino = r.Sortino,
        downside_risk = r.DownsideRisk,
        max_drawdown = r.MaxDrawdown.Depth,
        max_drawdown_peak = r.MaxDrawdown.PeakDate,
        max_drawdown_trough = r.MaxDrawdown.TroughDate,
        max_drawdown_recovery = r.MaxDrawdown.RecoveryDate,
        max_drawdown_duration_days = r.MaxDrawdown.DurationDays,
        calmar = r.Calmar,
        var_level = r.VarLevel,
        value_at_risk = r.ValueAtRisk,
        conditional_value_at_risk = r.ConditionalValueAtRisk,
        beta = r.Beta,
        alpha = r.Alpha,
        hit_rate = r.HitRate,
        best_period = r.BestPeriod,
        best_date = r.BestDate,
        worst_period = r.WorstPeriod,
        worst_date = r.WorstDate,
        mean_return = r.MeanReturn,
        information_ratio = r.InformationRatio,
        risk_free = r.RiskFree,
        risk_free_rate = r.RiskFreeRate,
        undefined_ratios = r.UndefinedRatios,
    };

    private static void Print(string name, PerformanceReport r)
    {
        var rows = new List<(string, string)>
        {
            ("period", $"{QuantCli.Date(r.Start)} .. {QuantCli.Date(r.End)} ({r.Periods} returns, {r.PeriodsPerYear.ToString(CultureInfo.InvariantCulture)}/year)"),
            ("total return", QuantCli.Pct(r.TotalReturn)),
            ("CAGR", QuantCli.Pct(r.Cagr)),
            ("annual volatility", QuantCli.Pct(r.AnnualVolatility)),
            ("Sharpe", QuantCli.Ratio(r.Sharpe)),
            ("Sortino", QuantCli.Ratio(r.Sortino)),
            ("max drawdown", QuantCli.Pct(r.MaxDrawdown.Depth)),
            ("  peak / trough / recovery", $"{QuantCli.Date(r.MaxDrawdown.PeakDate)} / {QuantCli.Date(r.MaxDrawdown.TroughDate)} / {(r.MaxDrawdown.Recovered ? QuantCli.Date(r.MaxDrawdown.RecoveryDate) : "not recovered")}"),
            ("  duration", r.MaxDrawdown.DurationDays is { } d ? $"{d.ToString(CultureInfo.InvariantCulture)} days" : "-"),
            ("Calmar", QuantCli.Ratio(r.Calmar)),
            ($"VaR {r.VarLevel.ToString("P0", CultureInfo.InvariantCulture)}", QuantCli.Pct(r.ValueAtRisk)),
            ($"CVaR {r.VarLevel.ToString("P0", CultureInfo.InvariantCulture)}", QuantCli.Pct(r.ConditionalValueAtRisk)),
            ("hit rate", QuantCli.Pct(r.HitRate)),
            ("best period", $"{QuantCli.Pct(r.BestPeriod)} ({QuantCli.Date(r.BestDate)})"),
            ("worst period", $"{QuantCli.Pct(r.WorstPeriod)} ({QuantCli.Date(r.WorstDate)})"),
        };
        if (r.Beta is { } beta)
        {
            rows.Add(("beta", QuantCli.Num(beta, "F3")));
            rows.Add(("alpha", QuantCli.Pct(r.Alpha ?? double.NaN)));
            rows.Add(("information ratio", QuantCli.Ratio(r.InformationRatio)));
        }

        if (QuantCli.Fancy(json: false))
        {
            var t = new Table().Title(Markup.Escape(name)).AddColumn("metric").AddColumn(new TableColumn("value").RightAligned());
            foreach (var (k, v) in rows)
            {
                t.AddRow(Markup.Escape(k), Markup.Escape(v));
            }

            AnsiConsole.Write(t);
            return;
        }

        Console.Out.WriteLine(name);
        foreach (var (k, v) in rows)
        {
            Console.Out.WriteLine($"{k,-28} {v}");
        }
    }
}
