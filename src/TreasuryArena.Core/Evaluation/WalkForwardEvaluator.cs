using System.Diagnostics;
using System.Globalization;
using TreasuryArena.Core.Backtesting;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Compliance;
using TreasuryArena.Core.MarketData;
using TreasuryArena.Core.Nav;
using TreasuryArena.Core.Strategies;
using TreasuryArena.Core.Tokens;
using TreasuryArena.Core.Treasury;
using TreasuryArena.Core.Wallets;
using TreasuryArena.Core.Wallets.Optimization;

namespace TreasuryArena.Core.Evaluation;

/// <summary>
/// The platform's walk-forward scorecard (<c>arena evaluate</c>): the shipped history replayed day by day through the
/// production use cases, and the result set against simple baselines on the same dates, fees and calendar.
/// <para>Replay: the tokens are issued <see cref="EvaluationOptions.WarmupDays"/> before the window (the issuer stores
/// each one's backtest up to then) and proved by the NAV engine; from the first evaluated date on, every day the clock
/// moves to the day, the NAV engine steps every token one bar (strategy → paper fills at the next bar → fees → lifecycle
/// gates and drawdown breaker), then on rebalance dates the wallet rebalancer runs the FULL_AI optimizer wallets
/// (universe of trailing NAV windows as of the day → max Sharpe → cost/benefit → rule advisor → guardrails → trade desk
/// and ledger) and the 1/N wallets trade to equal weights through the same order planner, executor, desk and ledger.
/// Each token's holder buys it the first day it is buyable and never sells. Nothing reads a price after the day.</para>
/// </summary>
public static class WalkForwardEvaluator
{
    public const string HolderActor = "evaluation-holder";
    public const string EqualWeightActor = "evaluation-equal-weight";

    private static readonly RiskTolerance[] Tolerances = [RiskTolerance.Conservative, RiskTolerance.Moderate, RiskTolerance.Aggressive];

    /// <summary>Runs the evaluation on <paramref name="platform"/> (fresh: no tokens, no wallets), moving <paramref name="clock"/>.</summary>
    public static async Task<EvaluationReport> RunAsync(
        IEvaluationPlatform platform,
        ReplayClock clock,
        MarketHistory history,
        EvaluationOptions options,
        TreasuryReplay? treasury,
        IProgress<EvaluationProgress>? progress,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(platform);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var watch = Stopwatch.StartNew();
        var warm = options.From.AddDays(-options.WarmupDays);
        var ledger = platform.Ledger;

        // 1. Issue the tokens (each with its backtest up to inception) and prove them up to the day before the window.
        clock.MoveTo(warm);
        var holders = new List<Holder>();
        var issued = 0;
        foreach (var spec in options.Tokens)
        {
            var issue = await platform.Issuer.IssueAsync(spec.Strategy, spec.Symbol, spec.Parameters, warm, ct);
            var assets = StrategyLibrary.Create(spec.Strategy, spec.Parameters).Assets;
            var main = assets.FirstOrDefault(a => !a.Equals(BarDataBuilder.Yield, StringComparison.OrdinalIgnoreCase))?.ToUpperInvariant() ?? "BTC";
            holders.Add(new Holder(issue.Symbol, spec.Strategy, main));
            progress?.Report(new EvaluationProgress("Issuing tokens", ++issued, options.Tokens.Count));
        }

        var start = options.From.AddDays(-1);
        clock.MoveTo(start);
        await platform.Nav.RunAsync(start, ct);
        if (treasury is not null)
        {
            await treasury.StartAsync(start, ct);
        }

        // 2. The wallets: one holder per token, and per tolerance an optimizer wallet and a 1/N wallet.
        foreach (var h in holders)
        {
            h.Address = await platform.CreateWalletAsync(WalletMode.Manual, RiskTolerance.Aggressive, options.HolderStake, ct);
        }

        var optimizerBooks = new List<Book>();
        foreach (var risk in Tolerances)
        {
            optimizerBooks.Add(new Book(Name(risk), await platform.CreateWalletAsync(WalletMode.FullAi, risk, options.Capital, ct), options.Capital, start));
        }

        // 1/N uses no estimate and no risk filter, so one 1/N wallet is the baseline of every tolerance.
        var equal = new Book("EQUAL_WEIGHT", await platform.CreateWalletAsync(WalletMode.FullAi, RiskTolerance.Aggressive, options.Capital, ct), options.Capital, start);

        var optimizerAddresses = optimizerBooks.Select(b => b.Address).ToList();
        var executor = new OrderExecutor(ledger, platform.Desk, platform.Optimizer.Sizing, platform.Optimizer.SlippageTolerance);
        var days = options.To.DayNumber - options.From.DayNumber + 1;

        // 3. The replay, one day at a time.
        var day = 0;
        var targetStats = new TargetTally();
        for (var d = options.From; d <= options.To; d = d.AddDays(1))
        {
            ct.ThrowIfCancellationRequested();
            clock.MoveTo(d);
            await platform.Nav.RunAsync(d, ct);
            foreach (var h in holders.Where(h => h.BoughtOn is null))
            {
                await TryBuyAsync(ledger, h, options.HolderStake, d, ct);
            }

            // The server's order: the NAV step (00:05), the wallet breaker (00:20), then the rebalancer (00:30). A
            // tripped wallet is HYBRID until the breaker's review returns it to FULL_AI: meanwhile the rebalancer only
            // proposes its trades, and nobody approves them.
            var breaker = await platform.WalletBreakerAsync(optimizerAddresses, d, ct);
            foreach (var (address, trip) in breaker.Tripped)
            {
                optimizerBooks.Single(b => b.Address == address).Trips.Add(trip);
            }

            foreach (var address in breaker.Resumed)
            {
                var trips = optimizerBooks.Single(b => b.Address == address).Trips;
                if (trips.Count > 0)
                {
                    trips[^1] = trips[^1] with { ResumedOn = d };
                }
            }

            if (options.IsRebalanceDate(d))
            {
                var rebalancer = await platform.RebalancerAsync(ct);
                var results = await rebalancer.RebalanceAsync(optimizerAddresses, false, null, ct);
                foreach (var r in results)
                {
                    var book = optimizerBooks.Single(b => b.Address == r.Address);
                    if (r.Action == "executed")
                    {
                        book.Record(r.Executions, r.Recommendation?.Drift);
                    }
                }

                await EqualWeightAsync(platform, executor, rebalancer.Optimizer, equal, d, ct);
                targetStats.Add(rebalancer.Optimizer);
            }

            if (treasury is not null)
            {
                await treasury.StepAsync(d, ct);
            }

            foreach (var book in optimizerBooks.Append(equal))
            {
                book.Mark(ledger, d);
            }

            foreach (var h in holders)
            {
                h.Mark(ledger, d);
            }

            progress?.Report(new EvaluationProgress("Replaying days", ++day, days));
        }

        // 4. Baselines and scores.
        var dates = optimizerBooks[0].Dates;
        var rf = Scorecard.RiskFree(dates, history.TBill3m);
        var static6040 = Static6040(history, options, dates, rf);
        var btc = Hold(history, "BTC", dates, rf, options.Capital, options.MinObservations, "btc_hold");
        var tokens = new List<TokenResult>();
        foreach (var h in holders)
        {
            tokens.Add(await TokenAsync(platform, history, options, h, ct));
        }

        var wallets = new List<WalletComparison>();
        var ew = equal.Score("equal_weight", rf, options.MinObservations);
        for (var i = 0; i < Tolerances.Length; i++)
        {
            var opt = optimizerBooks[i].Score("optimizer", rf, options.MinObservations);
            var excess = BlockBootstrap.ExcessCagr(opt.Series!.Returns(), ew.Series!.Returns(), options.BootstrapBlockDays, options.BootstrapSamples, options.BootstrapSeed, options.ConfidenceLevel);
            wallets.Add(new WalletComparison(optimizerBooks[i].Name, opt, ew, static6040 with { }, excess, Verdict(excess), optimizerBooks[i].Trips));
        }

        TreasuryComparison treasuryResult;
        var treasuryStatic = TreasuryStatic(history, options, treasury?.Options ?? new TreasuryOptions(), dates, rf);
        if (treasury is null)
        {
            treasuryResult = new TreasuryComparison(null, treasuryStatic, btc, [], "The managed treasury was not replayed in this run.");
        }
        else
        {
            var managed = Scorecard.Measure("managed", treasury.Series, rf, options.MinObservations, treasury.FeesPaid, treasury.Traded, treasury.AverageCashShare, treasury.DriftBeforeRebalance, treasury.Rebalances);
            treasuryResult = new TreasuryComparison(managed, treasuryStatic, btc, await treasury.CallsAsync(ct),
                "The managed treasury is the treasury manager in FULL_AI mode with the rule advisor, stepped daily; capital, 60/40 split and yield venues as configured, scaled to the evaluation's capital; each venue is credited its APY only from its launch ("
                + string.Join(", ", Inception.Venues.Select(v => string.Create(CultureInfo.InvariantCulture, $"{v.Venue} {v.Date:yyyy-MM-dd}")))
                + ") and the T-bill before, in the managed treasury and its static 60/40 alike.");
        }

        var metrics = SuccessMetrics(tokens, wallets, optimizerBooks);
        return new EvaluationReport(new EvaluationWindow(options.From, options.To), history.LastCommonDate,
            options.Schedule.ToString().ToLowerInvariant(), options.Capital, tokens, wallets, treasuryResult, metrics,
            Method(options, platform.WalletBreakerDrawdown), NotCovered(treasury is not null), Math.Round(watch.Elapsed.TotalSeconds, 1))
        {
            ToleranceTargets = targetStats.Result(),
        };
    }

    private static string Name(RiskTolerance risk) => risk.ToString().ToUpperInvariant();

    /// <summary>Counts, per rebalance date, whether the three tolerances' targets (no paused holdings) differ.</summary>
    private sealed class TargetTally
    {
        private readonly Dictionary<string, decimal> _vol = new(StringComparer.Ordinal);
        private readonly Dictionary<string, decimal> _cash = new(StringComparer.Ordinal);
        private int _runs;
        private int _invested;
        private int _different;
        private int _identical;
        private int _fallback;
        private string _method = "";

        public void Add(WalletOptimizer optimizer)
        {
            if (optimizer.Universe.Tokens.Count == 0)
            {
                return;
            }

            var o = optimizer.Options;
            var targets = new[] { ("CONSERVATIVE", o.Conservative), ("MODERATE", o.Moderate), ("AGGRESSIVE", o.Aggressive) }
                .Select(x => (x.Item1, Target: optimizer.Target(x.Item2, null))).ToList();
            var keys = targets.Select(t => string.Join(";", t.Target.Weights.OrderBy(kv => kv.Key, StringComparer.Ordinal)
                .Select(kv => string.Create(CultureInfo.InvariantCulture, $"{kv.Key}={RoundingPolicy.Down(kv.Value, 3)}")))).ToList();
            _runs++;
            var invested = targets.Any(t => t.Target.Weights.Count > 0);
            _invested += invested ? 1 : 0;
            _different += keys.Distinct(StringComparer.Ordinal).Count() == 3 ? 1 : 0;
            _identical += invested && keys.Distinct(StringComparer.Ordinal).Count() == 1 ? 1 : 0;
            _fallback += optimizer.Universe.WeakEvidence ? 1 : 0;
            _method = optimizer.Universe.ExpectedReturnsMethod;
            foreach (var (name, target) in targets)
            {
                _vol[name] = _vol.GetValueOrDefault(name) + optimizer.Universe.Evaluate(target.Weights).Volatility;
                _cash[name] = _cash.GetValueOrDefault(name) + target.CashWeight;
            }
        }

        public ToleranceTargetStats? Result() => _runs == 0 ? null : new ToleranceTargetStats(_runs, _invested, _different, _identical, _fallback,
            _vol.ToDictionary(kv => kv.Key, kv => RoundingPolicy.Ratio(kv.Value / _runs, 4), StringComparer.Ordinal),
            _cash.ToDictionary(kv => kv.Key, kv => RoundingPolicy.Ratio(kv.Value / _runs, 4), StringComparer.Ordinal),
            _method);
    }

    private static async Task TryBuyAsync(Ledger.LedgerService ledger, Holder h, decimal stake, DateOnly date, CancellationToken ct)
    {
        var token = ledger.GetToken(h.Symbol);
        if (token is null || !TokenLifecycle.CanBuy(token.Token.Status))
        {
            return;
        }

        var result = await ledger.BuyAsync(h.Address, h.Symbol, Money.Usd(stake), $"evaluation:holder:{h.Symbol}", ct);
        if (!result.Accepted)
        {
            throw new DomainException(Outcome.HolderBuyRefused, $"the holder of {h.Symbol} could not buy on {date:yyyy-MM-dd}: {result.Message}");
        }

        h.Bought(date, stake, ledger.GetHolding(h.Address, h.Symbol)!.Shares.Value, result.Fee.Amount);
    }

    /// <summary>The 1/N contender (DeMiguel, Garlappi and Uppal 2009): equal weights over every token the optimizer's
    /// universe holds as buyable (active, with a full trailing window) plus the paused tokens the wallet already holds — no
    /// estimate of any kind, so no risk filter either, since the filters rank tokens by trailing Sharpe and drawdown — each
    /// capped at the optimizer's maximum weight (a held paused token at min(its current weight, 1/N): never sold because
    /// it is paused, never bought while paused), the rest in cash; the same order planner, executor, desk and ledger; and the same mode gate (only a FULL_AI wallet trades).</summary>
    private static async Task EqualWeightAsync(IEvaluationPlatform platform, OrderExecutor executor, WalletOptimizer optimizer, Book book, DateOnly date, CancellationToken ct)
    {
        var ledger = platform.Ledger;
        var wallet = ledger.GetWallet(book.Address)!;
        if (wallet.Wallet.Mode != WalletMode.FullAi)
        {
            return;
        }

        var o = optimizer.Options;
        var positions = wallet.Holdings.Where(h => !h.Shares.IsZero)
            .Select(h => new WalletPosition(h.Symbol, h.Shares.Value, ledger.GetToken(h.Symbol)!.NavPerShare.Value)).ToList();
        var current = new WalletSnapshot(book.Address, wallet.Cash.Amount, positions, o.Aggressive, null, null).Weights();
        var buyable = optimizer.Universe.Tokens.Values.Where(t => t.Buyable).Select(t => t.Symbol).ToList();

        // A held token that may not be bought (paused) is never sold because it is paused: it counts in N and keeps
        // min(current weight, 1/N) — trimmed to the equal weight, never topped up.
        var held = current.Keys.Where(s => ledger.GetToken(s) is { } t && !TokenLifecycle.CanBuy(t.Token.Status)).ToList();
        var eligible = buyable.Concat(held).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var weight = eligible.Count == 0 ? 0m : Math.Min(o.MaxWeight, RoundingPolicy.WeightDown(1m / eligible.Count));
        var targets = eligible.ToDictionary(s => s, s => held.Contains(s) ? Math.Min(weight, RoundingPolicy.WeightDown(current[s])) : weight, StringComparer.Ordinal);
        var navs = positions.ToDictionary(p => p.Symbol, p => p.Nav, StringComparer.Ordinal);
        foreach (var s in eligible)
        {
            navs[s] = ledger.GetToken(s)!.NavPerShare.Value;
        }

        var snapshot = new WalletSnapshot(book.Address, wallet.Cash.Amount, positions, o.Aggressive, null, null);
        var drift = Drift.Between(snapshot.Weights(), targets);
        var plan = OrderPlanner.Plan(wallet.Cash.Amount, positions, targets, navs, o.Sizing);
        if (plan.Orders.Count == 0)
        {
            return;
        }

        var key = string.Create(CultureInfo.InvariantCulture, $"evaluation:equal:{book.Address}:{date:yyyy-MM-dd}");
        var executions = await executor.ExecuteAsync(platform.OrganisationId, book.Address, plan.Orders, key, EqualWeightActor, TradeSource.Job, ct);
        if (executions.Any(e => e.Executed))
        {
            book.Record(executions, drift);
        }
    }

    private static string Verdict(ExcessEstimate e) => e.Value switch
    {
        null => "undefined: too little history",
        >= 0.05 when e.CiLow is > 0.05 => "meets +5% a year, and the interval is above it",
        >= 0.05 => "meets +5% a year on the sample, but the interval includes less",
        > 0 when e.CiLow is > 0 => "beats 1/N, by less than +5% a year",
        > 0 => "ahead of 1/N on the sample, not distinguishable from it",
        _ when e.CiHigh is < 0 => "loses to 1/N, and the interval is below zero",
        _ => "behind 1/N on the sample, not distinguishable from it",
    };

    /// <summary>Static 60/40 BTC/T-bill (60% BTC, 40% the yield asset accruing the T-bill rate), the backtest engine's
    /// fixed-weight strategy rebalanced on the same calendar, engine fees and slippage.</summary>
    private static ContenderResult Static6040(MarketHistory history, EvaluationOptions options, IReadOnlyList<DateOnly> dates, double[] rf) =>
        FixedWeight(history, options, dates, rf, "static_60_40", btcWeight: 0.6, YieldModel.TBill);

    /// <summary>The treasury's static split with the same yield venues: base share in the yield asset accruing the
    /// venues' blended configured APY, each venue from its launch (<see cref="Inception.Venues"/>) and the T-bill before
    /// it, as the managed treasury's marks do; tactical share split BTC/ETH as configured, rebalanced on the same calendar.</summary>
    private static ContenderResult TreasuryStatic(MarketHistory history, EvaluationOptions options, TreasuryOptions treasury, IReadOnlyList<DateOnly> dates, double[] rf)
    {
        var btc = AnalyticsBoundary.ToDouble(treasury.TacticalShare * treasury.BtcShareOfTactical);
        var eth = AnalyticsBoundary.ToDouble(treasury.TacticalShare) - btc;
        return FixedWeight(history, options, dates, rf, "static_60_40", btc, VenueYield(treasury), eth);
    }

    /// <summary>The treasury's base venues as a yield blend: each venue's share of the base, its configured APY, its launch.</summary>
    public static YieldModel VenueYield(TreasuryOptions treasury)
    {
        ArgumentNullException.ThrowIfNull(treasury);
        var venues = treasury.EffectiveBaseVenues();
        var share = venues.Sum(v => v.ShareOfBase);
        return share > 0m
            ? YieldModel.Blend([.. venues.Select(v => new YieldLeg(AnalyticsBoundary.ToDouble(v.ShareOfBase / share), AnalyticsBoundary.ToDouble(v.Apy), Inception.Venue(v.Venue)))])
            : YieldModel.Fixed(0, null);
    }

    private static ContenderResult FixedWeight(MarketHistory history, EvaluationOptions options, IReadOnlyList<DateOnly> dates, double[] rf, string name, double btcWeight, YieldModel yieldModel, double ethWeight = 0)
    {
        var calendar = options.Schedule == RebalanceSchedule.Weekly ? "weekly" : "monthly";
        var strategy = StrategyLibrary.Create("fixed-weight", new Dictionary<string, string>
        {
            ["yield_weight"] = (1 - btcWeight - ethWeight).ToString("R", CultureInfo.InvariantCulture),
            ["btc_weight"] = btcWeight.ToString("R", CultureInfo.InvariantCulture),
            ["eth_weight"] = ethWeight.ToString("R", CultureInfo.InvariantCulture),
            ["rebalance"] = calendar,
        });
        var data = BarDataBuilder.FromHistory(history, strategy.Assets.Prepend("BTC"), yieldModel);
        var s = Array.BinarySearch(data.Dates, dates[0]);
        var e = Array.BinarySearch(data.Dates, dates[^1]);
        if (s < 0 || e < 0)
        {
            throw new DomainException(Outcome.NoData, $"the BTC history does not cover {dates[0]:yyyy-MM-dd}..{dates[^1]:yyyy-MM-dd}");
        }

        var run = Backtester.Run(data, strategy, new BacktestOptions { Capital = AnalyticsBoundary.ToDouble(options.Capital), RecordWeights = true }, s, e);
        var series = Align(run.Result.Dates, run.Result.Equity, dates);
        var traded = run.Result.Trades.Sum(t => Math.Abs(t.Notional));
        var cash = run.Result.CashWeights();
        return Scorecard.Measure(name, series, rf, options.MinObservations, RoundingPolicy.Cents(AnalyticsBoundary.ToDecimal(run.Result.FeesPaid + run.Result.SlippagePaid)),
            traded, cash.Length > 0 ? cash.Average() : null, null, run.Result.Trades.Select(t => t.Date).Distinct().Count());
    }

    /// <summary>Holding <paramref name="asset"/> from the first date: value = capital × close / first close (no fees).</summary>
    private static ContenderResult Hold(MarketHistory history, string asset, IReadOnlyList<DateOnly> dates, double[] rf, decimal capital, int minObservations, string name)
    {
        var closes = CloseAsOf(history, asset, dates);
        var values = closes.Select(c => AnalyticsBoundary.ToDouble(capital) * c / closes[0]).ToArray();
        return Scorecard.Measure(name, new ValueSeries(dates, values), rf, minObservations, 0m, AnalyticsBoundary.ToDouble(capital), 0, null, 0);
    }

    private static double[] CloseAsOf(MarketHistory history, string asset, IReadOnlyList<DateOnly> dates)
    {
        var series = history.Asset(asset) ?? throw new DomainException(Outcome.UnknownAsset, $"no price history for {asset}");
        var d = series.Closes.Dates;
        var v = series.Closes.Values;
        var result = new double[dates.Count];
        var j = -1;
        for (var i = 0; i < dates.Count; i++)
        {
            while (j + 1 < d.Length && d[j + 1] <= dates[i])
            {
                j++;
            }

            result[i] = j < 0 ? double.NaN : v[j];
        }

        return result;
    }

    private static ValueSeries Align(DateOnly[] source, double[] values, IReadOnlyList<DateOnly> dates)
    {
        var result = new double[dates.Count];
        var j = -1;
        for (var i = 0; i < dates.Count; i++)
        {
            while (j + 1 < source.Length && source[j + 1] <= dates[i])
            {
                j++;
            }

            result[i] = j < 0 ? values[0] : values[j];
        }

        return new ValueSeries(dates, result);
    }

    private static async Task<TokenResult> TokenAsync(IEvaluationPlatform platform, MarketHistory history, EvaluationOptions options, Holder h, CancellationToken ct)
    {
        var events = await platform.EventsAsync(h.Symbol, ct);
        var trips = events.Where(e => e.To == TokenStatus.Paused && e.Actor == NavEngine.EngineActor).Select(e => e.Date).ToList();
        var resumes = events.Where(e => e.From == TokenStatus.Paused && e.To == TokenStatus.Active && e.Actor == NavEngine.EngineActor).Select(e => e.Date).ToList();
        var breaker = (await platform.Nav.BreakerStateAsync(h.Symbol, null, ct))?.Limit.Describe();
        var status = platform.Ledger.GetToken(h.Symbol)?.Token.Status.ToString().ToLowerInvariant() ?? "unknown";
        if (h.BoughtOn is not { } bought || h.Dates.Count < 2)
        {
            return new TokenResult(h.Symbol, h.Strategy, h.MainAsset, status, trips, null, null, null, null, false, false,
                string.Create(CultureInfo.InvariantCulture, $"never buyable in the window (still {status} on {options.To:yyyy-MM-dd}): counted as not beating HODL"), resumes, breaker);
        }

        // The holder's share of the token's management and performance fees, day by day.
        var rows = await platform.HistoryAsync(h.Symbol, ct);
        var fees = h.TradeFee;
        foreach (var row in rows.Where(r => r.Date > bought && r.Date <= options.To && r.Supply > 0m))
        {
            fees += (row.ManagementFee + row.PerformanceFee) * h.Shares / row.Supply;
        }

        var series = new ValueSeries(h.Dates, h.Values);
        var rf = Scorecard.RiskFree(h.Dates, history.TBill3m);
        var token = Scorecard.Measure(h.Symbol, series, rf, options.MinObservations, RoundingPolicy.Cents(fees), AnalyticsBoundary.ToDouble(h.Stake), 0, null, 1);
        var hodl = Ratio(CloseAsOf(history, h.MainAsset, h.Dates));
        var btc = Ratio(CloseAsOf(history, "BTC", h.Dates));
        var total = token.TotalReturn;
        var note = bought > options.From ? string.Create(CultureInfo.InvariantCulture, $"buyable only from {bought:yyyy-MM-dd}; measured from then") : null;
        return new TokenResult(h.Symbol, h.Strategy, h.MainAsset, status, trips, bought, token, hodl, btc,
            total is { } t && hodl is { } x && t > x, total is { } t2 && btc is { } b && t2 > b, note, resumes, breaker);

        static double? Ratio(double[] closes) => closes.Length > 1 && closes[0] > 0 ? Scorecard.Defined((closes[^1] / closes[0]) - 1) : null;
    }

    private static List<SuccessMetric> SuccessMetrics(List<TokenResult> tokens, List<WalletComparison> wallets, List<Book> optimizerBooks)
    {
        var metrics = new List<SuccessMetric>();
        double? share = tokens.Count == 0 ? null : tokens.Count(t => t.BeatHodl) / (double)tokens.Count;
        metrics.Add(Metric("tokens_beating_hodl", "Share of tokens whose return after fees beat holding their own main asset over the same days", ">=", 0.80, share));
        var sharpes = tokens.Select(t => t.Token?.Sharpe).OfType<double>().ToList();
        metrics.Add(Metric("average_token_sharpe", "Average Sharpe (T-bill risk-free) of the tokens with a defined Sharpe", ">", 1.5, sharpes.Count == 0 ? null : sharpes.Average()));
        var drawdowns = tokens.Select(t => t.Token?.MaxDrawdown).OfType<double>().ToList();
        metrics.Add(Metric("worst_token_max_drawdown", "Deepest max drawdown of any token (positive fraction)", "<", 0.15, drawdowns.Count == 0 ? null : -drawdowns.Min()));
        var walletDrawdowns = wallets.Select(w => w.Optimizer.MaxDrawdown).OfType<double>().ToList();
        metrics.Add(Metric("worst_optimizer_wallet_max_drawdown", "Deepest max drawdown of the optimizer wallets (positive fraction)", "<", 0.15, walletDrawdowns.Count == 0 ? null : -walletDrawdowns.Min()));
        foreach (var w in wallets)
        {
            metrics.Add(Metric($"optimizer_excess_vs_equal_weight_{w.Tolerance.ToLowerInvariant()}",
                $"{w.Tolerance} optimizer wallet's CAGR minus the 1/N wallet's (interval {Show(w.ExcessVsEqualWeight.CiLow)} … {Show(w.ExcessVsEqualWeight.CiHigh)})"
                + (w.BreakerTrips.Count > 0 ? string.Create(CultureInfo.InvariantCulture, $"; the wallet breaker held it in HYBRID (its tokens untraded) {HybridDays(w.BreakerTrips)} days over {w.BreakerTrips.Count} trip(s){(w.BreakerTrips[^1].ResumedOn is null ? Invariant($", and from {w.BreakerTrips[^1].Date:yyyy-MM-dd} to the end") : "")}") : ""),
                ">=", 0.05, w.ExcessVsEqualWeight.Value));
        }

        var drifts = optimizerBooks.SelectMany(b => b.Drifts).ToList();
        metrics.Add(Metric("drift_before_rebalance", "Average allocation drift of the optimizer wallets just before the rebalances that traded", "<", 0.02,
            drifts.Count == 0 ? null : AnalyticsBoundary.ToDouble(drifts.Average())));
        return metrics;

        static string Show(double? v) => v is { } x ? x.ToString("P1", CultureInfo.InvariantCulture) : "—";
    }

    private static SuccessMetric Metric(string name, string description, string comparison, double target, double? value) =>
        new(name, description, comparison, target, value, value is { } v && comparison switch
        {
            ">=" => v >= target,
            ">" => v > target,
            _ => v < target,
        });

    private static List<string> Method(EvaluationOptions o, decimal walletBreaker) =>
    [
        string.Create(CultureInfo.InvariantCulture, $"Tokens issued {o.WarmupDays} days before {o.From:yyyy-MM-dd} and proved by the NAV engine; the window {o.From:yyyy-MM-dd} … {o.To:yyyy-MM-dd} is replayed one day at a time on a simulated clock."),
        "Every decision on a date uses data up to that date: backing portfolios decide on the close and fill at the next bar; the optimizer's universe is the trailing NAV window as of the date.",
        "No token is issued before its assets' first liquid trading day (the inception registry: the first of " + Inception.LiquidDays.ToString(CultureInfo.InvariantCulture) + " consecutive days with at least $" + Inception.MinDailyVolumeUsd.ToString("N0", CultureInfo.InvariantCulture) + " of daily volume); the stored backtest of each token starts there at the earliest.",
        string.Create(CultureInfo.InvariantCulture, $"Wallets start with ${o.Capital:N0} and rebalance {o.Schedule.ToString().ToLowerInvariant()} (optimizer calendar {o.CalendarDays} days); token holders buy ${o.HolderStake:N0} the first day a token is buyable and hold."),
        "The wallet drawdown breaker (the server's daily wallet-breaker job, same code) checks the optimizer wallets every day after the NAV step and before the rebalancer, as the server schedules them; a wallet further below its peak than its own limit (1.5 × its tolerance's volatility ceiling, at least " + walletBreaker.ToString("P0", CultureInfo.InvariantCulture) + ": 22.5% / 45% / 50% by default) moves from FULL_AI to HYBRID, after which the rebalancer only proposes its trades, which nobody approves in a replay; the breaker's own review returns it to FULL_AI once it is back half the way from its trough to the peak or has made no new low (1% below the trough) for 90 days.",
        "Returns are daily (365 a year); Sharpe and Sortino on returns in excess of the 3-month T-bill (FRED DTB3, rate as of the previous day, compounded daily); statistics with fewer than " + o.MinObservations.ToString(CultureInfo.InvariantCulture) + " returns are null.",
        string.Create(CultureInfo.InvariantCulture, $"The optimizer's excess over 1/N is CAGR minus CAGR on the same days; its interval is a moving-block bootstrap of the paired daily returns (block {o.BootstrapBlockDays} days, {o.BootstrapSamples} resamples, seed {o.BootstrapSeed}, {o.ConfidenceLevel:P0})."),
    ];

    private static List<string> NotCovered(bool treasury)
    {
        var list = new List<string>
        {
            "Nobody acts on a wallet breaker trip: a real treasurer would review the HYBRID wallet's proposals; the replay waits for the breaker's review to restore FULL_AI. The 1/N wallet is a baseline and is not guarded by the wallet breaker.",
            "Parameter choices are the library defaults, not tuned on the window, so there is no in-sample/out-of-sample split to report (`arena sweep` holds the walk-forward folds for tuned parameters).",
        };
        if (!treasury)
        {
            list.Add("The managed treasury (treasury manager with its rule advisor) was not replayed; its contender is null.");
        }

        return list;
    }

    /// <summary>A wallet contender's running record.</summary>
    private sealed class Book(string name, string address, decimal capital, DateOnly start)
    {
        public string Name { get; } = name;

        public string Address { get; } = address;

        public List<DateOnly> Dates { get; } = [start];

        public List<double> Values { get; } = [AnalyticsBoundary.ToDouble(capital)];

        public List<double> CashShares { get; } = [];

        public List<decimal> Drifts { get; } = [];

        public List<WalletBreakerTrip> Trips { get; } = [];

        public double Traded { get; private set; }

        public decimal Fees { get; private set; }

        public int Rebalances { get; private set; }

        public void Record(IReadOnlyList<OrderExecution> executions, decimal? drift)
        {
            foreach (var e in executions.Where(e => e.Executed))
            {
                Traded += AnalyticsBoundary.ToDouble(e.Shares * e.Nav);
                Fees += e.Fee;
            }

            if (drift is { } d)
            {
                Drifts.Add(d);
            }

            Rebalances++;
        }

        public void Mark(Ledger.LedgerService ledger, DateOnly date)
        {
            var view = ledger.GetWallet(Address)!;
            var value = WalletValuation.Of(view, s => ledger.GetToken(s)?.NavPerShare);
            Dates.Add(date);
            Values.Add(AnalyticsBoundary.ToDouble(value));
            CashShares.Add(value > 0m ? AnalyticsBoundary.ToDouble(view.Cash.Amount / value) : 1);
        }

        public ContenderResult Score(string name, double[] rf, int minObservations) =>
            Scorecard.Measure(name, new ValueSeries(Dates, Values), rf, minObservations, Fees, Traded,
                CashShares.Count > 0 ? CashShares.Average() : null, Drifts.Count > 0 ? AnalyticsBoundary.ToDouble(Drifts.Average()) : null, Rebalances);
    }

    /// <summary>A token's holder: buys once, holds.</summary>
    private sealed class Holder(string symbol, string strategy, string mainAsset)
    {
        public string Symbol { get; } = symbol;

        public string Strategy { get; } = strategy;

        public string MainAsset { get; } = mainAsset;

        public string Address { get; set; } = "";

        public DateOnly? BoughtOn { get; private set; }

        public decimal Stake { get; private set; }

        public decimal Shares { get; private set; }

        public decimal TradeFee { get; private set; }

        public List<DateOnly> Dates { get; } = [];

        public List<double> Values { get; } = [];

        public void Bought(DateOnly date, decimal stake, decimal shares, decimal fee)
        {
            BoughtOn = date;
            Stake = stake;
            Shares = shares;
            TradeFee = fee;
            Dates.Add(date.AddDays(-1));
            Values.Add(AnalyticsBoundary.ToDouble(stake));
        }

        public void Mark(Ledger.LedgerService ledger, DateOnly date)
        {
            if (BoughtOn is null)
            {
                return;
            }

            Dates.Add(date);
            Values.Add(AnalyticsBoundary.ToDouble(Shares * ledger.GetToken(Symbol)!.NavPerShare.Value));
        }
    }

    /// <summary>Days the optimizer wallet spent in HYBRID over the breaker's closed trips (an open one is named apart).</summary>
    private static int HybridDays(IReadOnlyList<WalletBreakerTrip> trips) =>
        trips.Sum(t => t.ResumedOn is { } r ? r.DayNumber - t.Date.DayNumber : 0);

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

}
