using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using TreasuryArena.Core.Quant;

namespace TreasuryArena.Cli.Commands.Quant;

/// <summary><c>arena optimize --prices FILE.csv</c>: expected returns, a risk model and one optimiser on a wide price CSV.</summary>
internal static class OptimizeCommand
{
    private static readonly string[] Objectives = ["max-sharpe", "min-volatility", "efficient-risk", "efficient-return", "max-utility", "risk-parity", "hrp"];
    private static readonly string[] ReturnMethods = ["geometric", "arithmetic", "ema"];
    private static readonly string[] CovMethods = ["sample", "ledoit-wolf", "exp", "semi"];
    private static readonly string[] Targets = ["constant-variance", "single-factor", "constant-correlation"];
    private static readonly string[] Alignments = ["pairwise", "complete"];

    public static Command Create()
    {
        var prices = new Option<string?>("--prices") { Description = "Wide price CSV: a date column, then one price column per asset" };
        var objective = new Option<string?>("--objective") { Description = "max-sharpe (default) | min-volatility | efficient-risk | efficient-return | max-utility | risk-parity | hrp" };
        var returns = new Option<string?>("--returns") { Description = "Expected returns: geometric (default, CAGR) | arithmetic | ema" };
        var cov = new Option<string?>("--cov") { Description = "Risk model: sample (default) | ledoit-wolf | exp | semi" };
        var shrink = new Option<string?>("--shrinkage-target") { Description = "Ledoit–Wolf target: constant-variance (default) | single-factor | constant-correlation" };
        var align = new Option<string?>("--align") { Description = "pairwise (default: own history per asset, pairwise-complete covariance) | complete (only dates where every asset has a price)" };
        var frequency = new Option<double?>("--frequency") { Description = "Periods per year (default 252)" };
        var riskFree = new Option<double?>("--risk-free") { Description = "Annual risk-free rate (default 0.02)" };
        var minWeight = new Option<double?>("--min-weight") { Description = "Lower bound per asset (default 0; negative allows shorts)" };
        var maxWeight = new Option<double?>("--max-weight") { Description = "Upper bound per asset (default 1)" };
        var gamma = new Option<double?>("--gamma") { Description = "L2 regularisation γ (default 0)" };
        var targetVol = new Option<double?>("--target-volatility") { Description = "Annual volatility for efficient-risk" };
        var targetRet = new Option<double?>("--target-return") { Description = "Annual return for efficient-return" };
        var aversion = new Option<double?>("--risk-aversion") { Description = "Risk aversion δ for max-utility (default 1)" };
        var minHoldings = new Option<int?>("--min-holdings") { Description = "Minimum number of holdings of at least --min-holding-weight (heuristic)" };
        var minHoldingWeight = new Option<double?>("--min-holding-weight") { Description = "Smallest weight that counts as a holding (default 0.01)" };
        var span = new Option<double?>("--span") { Description = "EWM span for --returns ema (default 500) and --cov exp (default 180)" };
        var json = new Option<bool>("--json") { Description = "Print JSON (snake_case)" };
        var cmd = new Command("optimize", "Optimise portfolio weights from a price file (mean–variance, risk parity, HRP)");
        foreach (var o in new Option[] { prices, objective, returns, cov, shrink, align, frequency, riskFree, minWeight, maxWeight, gamma, targetVol, targetRet, aversion, minHoldings, minHoldingWeight, span, json })
        {
            cmd.Options.Add(o);
        }

        cmd.SetAction(parse =>
        {
            var request = new OptimizeRequest
            {
                Objective = Choice(parse.GetValue(objective), "max-sharpe", Objectives, "--objective"),
                Returns = Choice(parse.GetValue(returns), "geometric", ReturnMethods, "--returns"),
                Cov = Choice(parse.GetValue(cov), "sample", CovMethods, "--cov"),
                ShrinkageTarget = Choice(parse.GetValue(shrink), "constant-variance", Targets, "--shrinkage-target"),
                Align = Choice(parse.GetValue(align), "pairwise", Alignments, "--align"),
                Frequency = Positive(parse.GetValue(frequency) ?? 252, "--frequency"),
                RiskFree = parse.GetValue(riskFree) ?? 0.02,
                MinWeight = parse.GetValue(minWeight) ?? 0,
                MaxWeight = parse.GetValue(maxWeight) ?? 1,
                Gamma = parse.GetValue(gamma) ?? 0,
                TargetVolatility = parse.GetValue(targetVol),
                TargetReturn = parse.GetValue(targetRet),
                RiskAversion = parse.GetValue(aversion) ?? 1,
                MinHoldings = parse.GetValue(minHoldings) ?? 0,
                MinHoldingWeight = parse.GetValue(minHoldingWeight) ?? 0.01,
                Span = parse.GetValue(span),
            };
            var table = QuantCli.ReadPrices(parse.GetValue(prices));
            var outcome = QuantCli.Guard(() => Run(table, request));
            if (parse.GetValue(json))
            {
                CliJson.Write(outcome.ToJson(), indented: true);
            }
            else
            {
                Print(outcome);
            }

            return 0;
        });
        return cmd;
    }

    public static OptimizeOutcome Run(PriceTable table, OptimizeRequest r)
    {
        var notes = new List<string>();
        foreach (var g in table.Gaps)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"{g.Asset}: {g.MissingRows} missing price(s) {g.From:yyyy-MM-dd}..{g.To:yyyy-MM-dd}; returns touching the gap are left out (not filled)"));
        }

        if (r.Align == "complete")
        {
            table = table.CompleteRows();
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"aligned on the {table.RowCount} dates where every asset has a price"));
        }

        var returns = table.ToReturns();
        var mu = r.Returns switch
        {
            "arithmetic" => ExpectedReturns.MeanHistorical(returns, compounding: false, r.Frequency),
            "ema" => ExpectedReturns.Ema(returns, r.Span ?? 500, compounding: true, r.Frequency),
            _ => ExpectedReturns.MeanHistorical(returns, compounding: true, r.Frequency),
        };
        var cov = r.Cov switch
        {
            "ledoit-wolf" => RiskModels.LedoitWolf(returns, r.ShrinkageTarget switch
            {
                "single-factor" => ShrinkageTarget.SingleFactor,
                "constant-correlation" => ShrinkageTarget.ConstantCorrelation,
                _ => ShrinkageTarget.ConstantVariance,
            }, r.Frequency),
            "exp" => RiskModels.Exponential(returns, r.Span ?? 180, r.Frequency),
            "semi" => RiskModels.Semi(returns, Math.Pow(1 + r.RiskFree, 1 / r.Frequency) - 1, r.Frequency),
            _ => RiskModels.Sample(returns, r.Frequency),
        };
        notes.AddRange(cov.Notes);
        if (cov.Repair is { } repair)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"covariance was not positive semidefinite (min eigenvalue {repair.MinEigenvalueBefore:G3}, {repair.NegativeEigenvalues} negative); repaired by clipping eigenvalues at 0 (Frobenius change {repair.FrobeniusChange:G3})"));
        }

        var input = PortfolioInput.From(mu, cov);
        var constraints = new PortfolioConstraints
        {
            MinWeight = r.MinWeight,
            MaxWeight = r.MaxWeight,
            Gamma = r.Gamma,
            MinHoldings = r.MinHoldings,
            MinHoldingWeight = r.MinHoldingWeight,
        };
        var customBounds = r.MinWeight != 0 || r.MaxWeight != 1 || r.Gamma != 0 || r.MinHoldings != 0;
        var result = r.Objective switch
        {
            "min-volatility" => PortfolioOptimizer.MinVolatility(input, constraints, r.RiskFree),
            "efficient-risk" => PortfolioOptimizer.EfficientRisk(input, r.TargetVolatility ?? throw new CliException("efficient-risk needs --target-volatility"), constraints, r.RiskFree),
            "efficient-return" => PortfolioOptimizer.EfficientReturn(input, r.TargetReturn ?? throw new CliException("efficient-return needs --target-return"), constraints, r.RiskFree),
            "max-utility" => PortfolioOptimizer.MaxQuadraticUtility(input, r.RiskAversion, constraints, r.RiskFree),
            "risk-parity" => customBounds ? throw new CliException("risk-parity is long-only and unconstrained (the equal-risk portfolio is unique); --min-weight/--max-weight/--gamma/--min-holdings do not apply") : RiskParity.Solve(input, r.RiskFree),
            "hrp" => customBounds ? throw new CliException("hrp is long-only and unconstrained; --min-weight/--max-weight/--gamma/--min-holdings do not apply") : HierarchicalRiskParity.Solve(input, r.RiskFree, RiskModels.Correlation(returns)),
            _ => PortfolioOptimizer.MaxSharpe(input, r.RiskFree, constraints),
        };
        notes.AddRange(result.Notes);
        return new OptimizeOutcome(r, result, cov, notes);
    }

    private static void Print(OptimizeOutcome o)
    {
        var res = o.Result;
        var order = Enumerable.Range(0, res.Assets.Count).OrderByDescending(i => res.Weights[i]).ToList();
        if (QuantCli.Fancy(json: false))
        {
            var table = new Table().AddColumn("asset").AddColumn(new TableColumn("weight").RightAligned());
            foreach (var i in order)
            {
                table.AddRow(Markup.Escape(res.Assets[i]), QuantCli.Pct(res.Weights[i]));
            }

            AnsiConsole.Write(table);
            var chart = new BarChart().Width(60).Label("weights (%)");
            foreach (var i in order.Where(i => Math.Abs(res.Weights[i]) >= 1e-4))
            {
                // Bars are magnitudes; shorts are red and labelled.
                var label = res.Weights[i] >= 0 ? res.Assets[i] : res.Assets[i] + " (short)";
                chart.AddItem(Markup.Escape(label), Math.Round(Math.Abs(res.Weights[i]) * 100, 2, MidpointRounding.AwayFromZero), res.Weights[i] >= 0 ? Color.Green : Color.Red);
            }

            AnsiConsole.Write(chart);
        }
        else
        {
            Console.Out.WriteLine("asset      weight");
            foreach (var i in order)
            {
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{res.Assets[i],-10} {res.Weights[i],8:P2}"));
            }
        }

        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"objective: {res.Objective}   returns: {o.Request.Returns}   covariance: {o.Covariance.Method}{(o.Covariance.Shrinkage is { } d ? $" (shrinkage {d:F4})" : "")}"));
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"expected return {QuantCli.Pct(res.ExpectedReturn)}   volatility {QuantCli.Pct(res.Volatility)}   Sharpe {QuantCli.Ratio(RatioRules.ExpectedSharpe(res.ExpectedReturn - res.RiskFreeRate, res.Volatility))} (risk-free {QuantCli.Pct(res.RiskFreeRate)})"));
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"solver: {res.Iterations} iterations, residual {res.Residual:G3}"));
        foreach (var n in o.Notes)
        {
            Console.Out.WriteLine($"note: {n}");
        }
    }

    private static string Choice(string? value, string fallback, string[] allowed, string option)
    {
        var v = (value ?? fallback).Trim().ToLowerInvariant();
        return allowed.Contains(v, StringComparer.Ordinal) ? v : throw new CliException($"{option} must be one of {string.Join(", ", allowed)} (got '{value}')");
    }

    private static double Positive(double v, string option) =>
        v > 0 && double.IsFinite(v) ? v : throw new CliException($"{option} must be a positive number");
}
