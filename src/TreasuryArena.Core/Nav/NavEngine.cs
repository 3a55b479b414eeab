using System.Globalization;
using System.Text.Json;
using TreasuryArena.Core.Audit;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Compliance;
using TreasuryArena.Core.Ledger;
using TreasuryArena.Core.Notifications;
using TreasuryArena.Core.Quant;
using TreasuryArena.Core.Tokens;
using TreasuryArena.Core.Wallets;

namespace TreasuryArena.Core.Nav;

/// <summary>
/// The token NAV engine. For each date, for every token not retired, in order:
/// market data → the backing portfolio steps one bar with the backtest engine (strategy targets, paper fills at the
/// next bar, fees and slippage of the engine) → its unit value → the pre-fee NAV = previous NAV × unit-value ratio
/// (rounded down to the share-price scale) → the ledger revalues the fund at that NAV → the ledger accrues the fees
/// (management daily, performance at crystallisation; only outstanding shares pay) → the NAV per share after fees →
/// one performance-history row (NAV, daily return, drawdown from the high-water mark, rolling 90-day Sharpe over the
/// T-bill and volatility) → the lifecycle gates (promotion of proving tokens, which starts the breaker's reference at the
/// go-live date; the drawdown breaker of active ones, against each token's own <see cref="BreakerLimit"/>; the
/// automatic review of tokens the breaker paused; a proving token that is not promoted keeps the reason, reported in its
/// <see cref="NavTokenReport.Note"/>). Every breaker pause and resume is recorded as a lifecycle event, audited with its
/// numbers (<c>token.breaker_pause</c>, <c>token.breaker_resume</c>) and notified; admin pauses, holds and resumes are
/// recorded and notified here and audited by the caller (API or CLI).
/// <para>Catch-up: <see cref="RunAsync"/> processes every missing date of every token up to the target date, in date
/// order, all tokens of a date together (their ledger commands share group commits). A date already stored is never
/// processed again, and every ledger command carries an idempotency key derived from token and date, so a repeated or
/// interrupted run changes nothing twice.</para>
/// </summary>
public sealed class NavEngine(
    LedgerService ledger,
    INavStore store,
    IBackingPortfolioFactory portfolios,
    LifecycleOptions options,
    TimeProvider time,
    RiskFreeCurve? riskFree = null,
    HurdleRates? hurdles = null,
    IAuditLog? audit = null,
    INotifier? notifier = null) : IDisposable
{
    public const string EngineActor = "nav-engine";

    // Audit details: plain numbers, snake_case.
    private static readonly JsonSerializerOptions AuditJson = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private const double PeriodsPerYear = 365;

    private readonly Dictionary<string, TokenRun> _runs = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _gate = new(1, 1);

    public LifecycleOptions Options => options;

    /// <summary>The risk-free curve of the Sharpe ratios (the stored 90-day one and the promotion gate's).</summary>
    public RiskFreeCurve RiskFree { get; } = riskFree ?? RiskFreeCurve.None;

    public void Dispose() => _gate.Dispose();

    /// <summary>Brings every token's NAV history up to <paramref name="to"/> (inclusive).</summary>
    public async Task<NavRunReport> RunAsync(DateOnly to, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var runs = await LoadRunsAsync(ct);
            var written = new Dictionary<string, int>(StringComparer.Ordinal);
            var events = runs.ToDictionary(r => r.Backing.Symbol, _ => new List<LifecycleEvent>(), StringComparer.Ordinal);
            var notes = new Dictionary<string, string>(StringComparer.Ordinal);
            var active = runs.Where(r => r.NextDate <= to).ToList();
            if (active.Count > 0)
            {
                var date = active.Min(r => r.NextDate);
                while (date <= to)
                {
                    var due = active.Where(r => r.NextDate == date && !r.Stopped).ToList();
                    if (due.Count > 0)
                    {
                        var rows = await StepDateAsync(date, due, events, notes, ct);
                        await store.AppendAsync(rows, ct);
                        foreach (var row in rows)
                        {
                            written[row.Symbol] = written.GetValueOrDefault(row.Symbol) + 1;
                        }
                    }

                    date = date.AddDays(1);
                }
            }

            await ClosePeriodsAsync(runs, to, ct);

            var reports = runs.Select(r =>
            {
                var status = ledger.GetToken(r.Backing.Symbol)?.Token.Status.ToString().ToLowerInvariant() ?? "unknown";
                // A proving token says why it was not promoted (too short a record, an undefined or low Sharpe, a deep drawdown).
                var note = notes.GetValueOrDefault(r.Backing.Symbol) ?? (status == "proving" ? r.ProvingReason : null);
                return new NavTokenReport(r.Backing.Symbol, status, written.GetValueOrDefault(r.Backing.Symbol), r.LastDate, r.LastNav,
                    events[r.Backing.Symbol], note);
            }).ToList();
            return new NavRunReport(to, written.Values.Sum(), reports);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The date a lifecycle change is recorded on: the token's latest NAV date, or today without one.</summary>
    public async Task<DateOnly> LifecycleDateAsync(string symbol, CancellationToken ct)
    {
        var last = await store.HistoryAsync(symbol, 1, ct);
        return last.Count > 0 ? last[0].Date : DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
    }

    /// <summary>An admin resumes a paused token: buys reopen and the breaker measures its peak from <paramref name="asOf"/>.</summary>
    public Task<LifecycleEvent> ResumeAsync(string symbol, DateOnly asOf, string actor, string reason, CancellationToken ct) =>
        GatedAsync(() => ChangeStatusAsync(symbol, TokenStatus.Paused, TokenStatus.Active, asOf, actor, reason, resetBreaker: true, ct), ct);

    /// <summary>
    /// An admin activates a proving token before its gates are met (an audited override; the breaker measures from
    /// <paramref name="asOf"/>, the go-live date) or pauses an active one (an admin pause is not reviewed automatically).
    /// </summary>
    public Task<LifecycleEvent> SetStatusAsync(string symbol, TokenStatus to, DateOnly asOf, string actor, string reason, CancellationToken ct) =>
        GatedAsync(() =>
        {
            var from = ledger.GetToken(symbol)?.Token.Status ?? throw new DomainException(Outcome.UnknownToken, $"no token {symbol}");
            return ChangeStatusAsync(symbol, from, to, asOf, actor, reason, resetBreaker: to == TokenStatus.Active && from is TokenStatus.Paused or TokenStatus.Proving, ct);
        }, ct);

    /// <summary>
    /// An admin keeps a paused token paused: the automatic review stops (a <c>paused → paused</c> lifecycle event records
    /// who and why) until an admin resumes it.
    /// </summary>
    public Task<LifecycleEvent> HoldAsync(string symbol, DateOnly asOf, string actor, string reason, CancellationToken ct) =>
        GatedAsync(async () =>
        {
            var view = ledger.GetToken(symbol) ?? throw new DomainException(Outcome.UnknownToken, $"no token {symbol}");
            if (view.Token.Status != TokenStatus.Paused)
            {
                throw new DomainException(Outcome.InvalidStatus, $"{symbol} is {view.Token.Status.ToString().ToLowerInvariant()}, not paused");
            }

            var ev = new LifecycleEvent(symbol, asOf, TokenStatus.Paused, TokenStatus.Paused, actor, "Held by an admin (no automatic review): " + reason, time.GetUtcNow());
            await store.AddEventAsync(ev, ct);
            _runs.Remove(symbol);
            await NotifyAsync("token_held", symbol, ev.Reason, ct);
            return ev;
        }, ct);

    /// <summary>
    /// A token's drawdown breaker as of its latest stored NAV: its limit (stored, or derived from its stored backtest
    /// for a token issued before limits were stored, without storing it), the peak since it went live or was last
    /// resumed, and while paused the review's progress. Null for an unknown token.
    /// </summary>
    public async Task<BreakerState?> BreakerStateAsync(string symbol, IReadOnlyList<NavHistoryRow>? rows, CancellationToken ct)
    {
        var backing = await store.FindBackingAsync(symbol, ct);
        var view = ledger.GetToken(symbol);
        if (backing is null || view is null)
        {
            return null;
        }

        var limit = backing.Breaker ?? BreakerLimit.FromStoredBacktest(await store.FindBacktestAsync(symbol, ct), options);
        rows ??= await store.HistoryAsync(symbol, null, ct);
        var events = await store.EventsAsync(symbol, ct);
        return BreakerState.Compute(limit, backing.BreakerReference, view.Token.Status, [.. rows.Select(r => (r.Date, r.Nav))], events, options);
    }

    /// <summary>
    /// Retires a token: no more buys or NAV steps, and every holder is settled — all their shares redeemed at the
    /// current NAV through the ledger (the token's trade fee applies, as for any sale). A position worth less than one
    /// cent is redeemed too, for nothing (the ledger pays whole cents), so no share is left outstanding.
    /// </summary>
    public Task<(LifecycleEvent Event, IReadOnlyList<LedgerResult> Settlements)> RetireAsync(string symbol, DateOnly asOf, string actor, string reason, CancellationToken ct) =>
        GatedAsync(() => RetireUngatedAsync(symbol, asOf, actor, reason, ct), ct);

    private async Task<(LifecycleEvent Event, IReadOnlyList<LedgerResult> Settlements)> RetireUngatedAsync(string symbol, DateOnly asOf, string actor, string reason, CancellationToken ct)
    {
        var view = ledger.GetToken(symbol) ?? throw new DomainException(Outcome.UnknownToken, $"no token {symbol}");

        var holders = ledger.ListWallets()
            .Select(w => ledger.GetHolding(w.Address, symbol))
            .OfType<Holding>()
            .Where(h => !h.Shares.IsZero)
            .ToList();
        LifecycleEvent ev;
        if (view.Token.Status == TokenStatus.Retired)
        {
            // The status changes first, so a retire stopped part-way leaves holders to settle: retiring again pays them.
            if (holders.Count == 0)
            {
                throw new DomainException(Outcome.AlreadyRetired, $"{symbol} is retired and every holder is settled");
            }

            ev = (await store.EventsAsync(symbol, ct)).LastOrDefault(e => e.To == TokenStatus.Retired)
                ?? new LifecycleEvent(symbol, asOf, TokenStatus.Retired, TokenStatus.Retired, actor, reason, time.GetUtcNow());
        }
        else
        {
            ev = await ChangeStatusAsync(symbol, view.Token.Status, TokenStatus.Retired, asOf, actor, reason, resetBreaker: false, ct);
        }

        var sells = holders.Select(h => ledger.SellAsync(h.Address, symbol, h.Shares, $"retire:{symbol}:{h.Address}", ct)).ToList();

        var results = await Task.WhenAll(sells);
        var refused = results.FirstOrDefault(r => !r.Accepted);
        if (refused is not null)
        {
            throw new DomainException(Outcome.SettlementFailed, $"settling {symbol} failed for {refused.Address}: {refused.Message}");
        }

        return (ev, results);
    }

    private async Task<LifecycleEvent> ChangeStatusAsync(string symbol, TokenStatus from, TokenStatus to, DateOnly asOf, string actor, string reason, bool resetBreaker, CancellationToken ct)
    {
        var view = ledger.GetToken(symbol) ?? throw new DomainException(Outcome.UnknownToken, $"no token {symbol}");
        if (view.Token.Status != from)
        {
            throw new DomainException(Outcome.InvalidStatus, $"{symbol} is {view.Token.Status.ToString().ToLowerInvariant()}, not {from.ToString().ToLowerInvariant()}");
        }

        if (!TokenLifecycle.CanTransition(from, to))
        {
            throw new DomainException(Outcome.InvalidTransition, $"{symbol} cannot go from {from.ToString().ToLowerInvariant()} to {to.ToString().ToLowerInvariant()}");
        }

        var result = await ledger.ChangeTokenStatusAsync(symbol, to, ct);
        if (!result.Accepted)
        {
            throw new DomainException(Outcome.StatusRefused, $"{symbol}: {result.Message}");
        }

        if (resetBreaker)
        {
            await store.SetBreakerReferenceAsync(symbol, asOf, ct);
        }

        var ev = new LifecycleEvent(symbol, asOf, from, to, actor, reason, time.GetUtcNow());
        await store.AddEventAsync(ev, ct);

        // The run's breaker state (reference, pause, review) is rebuilt from the store at the next step.
        _runs.Remove(symbol);
        if (to is TokenStatus.Paused or TokenStatus.Retired || from == TokenStatus.Paused)
        {
            var kind = to == TokenStatus.Paused ? NotificationKinds.TokenPaused : to == TokenStatus.Retired ? NotificationKinds.TokenRetired : NotificationKinds.TokenResumed;
            await NotifyAsync(kind, symbol, string.Create(CultureInfo.InvariantCulture, $"{symbol}: {from.ToString().ToLowerInvariant()} → {to.ToString().ToLowerInvariant()} by {actor} on {asOf:yyyy-MM-dd}: {reason}"), ct);
        }

        return ev;
    }

    private async Task<List<TokenRun>> LoadRunsAsync(CancellationToken ct)
    {
        var result = new List<TokenRun>();
        foreach (var backing in await store.ListBackingsAsync(ct))
        {
            var view = ledger.GetToken(backing.Symbol);
            if (view is null || view.Token.Status == TokenStatus.Retired)
            {
                _runs.Remove(backing.Symbol);
                continue;
            }

            if (!_runs.TryGetValue(backing.Symbol, out var run))
            {
                var b = backing;
                if (b.Breaker is null)
                {
                    // A token issued before breaker limits were stored: derived once from its stored backtest, then kept.
                    var limit = BreakerLimit.FromStoredBacktest(await store.FindBacktestAsync(b.Symbol, ct), options);
                    await store.SetBreakerLimitAsync(b.Symbol, limit, ct);
                    b = b with { Breaker = limit };
                }

                var rows = await store.HistoryAsync(b.Symbol, null, ct);
                var events = await store.EventsAsync(b.Symbol, ct);
                run = new TokenRun(b, portfolios.Create(b), rows, events, view.Token.Status, RiskFree);
                _runs[b.Symbol] = run;
            }

            run.Stopped = false;
            result.Add(run);
        }

        return result;
    }

    private async Task<List<NavHistoryRow>> StepDateAsync(
        DateOnly date, List<TokenRun> due, Dictionary<string, List<LifecycleEvent>> events, Dictionary<string, string> notes, CancellationToken ct)
    {
        // 1. Market data → strategy → paper fills: step every backing portfolio (CPU only).
        var stepped = new List<(TokenRun Run, decimal PreFee)>(due.Count);
        foreach (var run in due)
        {
            if (run.LastDate is null)
            {
                stepped.Add((run, ledger.GetToken(run.Backing.Symbol)!.NavPerShare.Value));
                continue;
            }

            if (!run.Portfolio.AdvanceTo(date))
            {
                run.Stopped = true;
                notes[run.Backing.Symbol] = string.Create(CultureInfo.InvariantCulture,
                    $"no market data for {date:yyyy-MM-dd} (data ends {run.Portfolio.LastAvailable:yyyy-MM-dd}); the NAV is not extended past real data");
                await NotifyAsync(NotificationKinds.MarketDataStale, run.Backing.Symbol, string.Create(CultureInfo.InvariantCulture,
                    $"{run.Backing.Symbol}: market data ends {run.Portfolio.LastAvailable:yyyy-MM-dd}, so its NAV stops there instead of reaching {date:yyyy-MM-dd} (stale market data)"), ct);
                continue;
            }

            var ratio = run.Portfolio.UnitValue / run.LastUnit;
            var preFee = RoundingPolicyNav(run.LastNav!.Value * ratio);
            stepped.Add((run, preFee));
        }

        // 2. Revalue and accrue fees through the ledger, every token of the date in the same group commits.
        var key = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var revalued = await Task.WhenAll(stepped.Select(s => Unless(s.Run.LastDate is null,
            () => ledger.ExecuteAsync(
                new LedgerCommand.Revalue(s.Run.Backing.Symbol, UnitPrice.Of(s.PreFee), IdempotencyMemory.NavKeyPrefix + s.Run.Backing.Symbol + ":" + key) { ValuationDate = date }, ct))));
        var fees = await Task.WhenAll(stepped.Select(s => Unless(s.Run.LastDate is null,
            () => ledger.AccrueFeesAsync(s.Run.Backing.Symbol, date, IdempotencyMemory.NavFeesKeyPrefix + s.Run.Backing.Symbol + ":" + key,
                HurdleRate(s.Run.Backing.Symbol, date), closesPeriod: false, ct))));

        // 3. NAV after fees → history row → lifecycle gates.
        var rows = new List<NavHistoryRow>(stepped.Count);
        var transitions = new List<Task<LifecycleEvent?>>();
        for (var i = 0; i < stepped.Count; i++)
        {
            var (run, preFee) = stepped[i];
            if (revalued[i] is { Accepted: false } rv)
            {
                throw new DomainException(Outcome.RevalueRefused, $"{run.Backing.Symbol} {key}: {rv.Message}");
            }

            if (fees[i] is { Accepted: false } fr)
            {
                throw new DomainException(Outcome.FeesRefused, $"{run.Backing.Symbol} {key}: {fr.Message}");
            }

            var view = ledger.GetToken(run.Backing.Symbol)!;
            var nav = view.NavPerShare.Value;
            var row = run.Track.Append(date, nav, preFee, view.Supply.Value,
                fees[i]?.ManagementFee.Amount ?? 0m, fees[i]?.PerformanceFee.Amount ?? 0m);
            rows.Add(row);
            run.Record(date, nav, run.Portfolio.UnitValue);
            transitions.Add(GateAsync(run, view.Token.Status, date, ct));
        }

        foreach (var ev in await Task.WhenAll(transitions))
        {
            if (ev is not null)
            {
                events[ev.Symbol].Add(ev);
            }
        }

        return rows;
    }

    /// <summary>
    /// Crystallises the periods that ended by <paramref name="to"/> on a day without a NAV: a token whose last NAV
    /// day L lies before the last calendar day of its crystallisation period, with that day passed and the period not
    /// closed, crystallises at L's NAV, dated L (the row of L is revised to the NAV after the fee).
    /// </summary>
    private async Task ClosePeriodsAsync(List<TokenRun> runs, DateOnly to, CancellationToken ct)
    {
        foreach (var run in runs)
        {
            if (run.LastDate is not { } last || ledger.GetToken(run.Backing.Symbol) is not { } view)
            {
                continue;
            }

            var token = view.Token;
            var end = Fees.FeeCalculator.PeriodEnd(token.Fees.Crystallisation, last);
            if (last >= end || end > to || token.LastCrystallisationDate >= end || token.LastFeeDate != last)
            {
                continue;
            }

            var key = IdempotencyMemory.NavFeesKeyPrefix + run.Backing.Symbol + ":" + last.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ":close";
            var result = await ledger.AccrueFeesAsync(run.Backing.Symbol, last, key, 0m, closesPeriod: true, ct);
            if (!result.Accepted)
            {
                throw new DomainException(Outcome.FeesRefused, $"{run.Backing.Symbol} {last:yyyy-MM-dd} (period close): {result.Message}");
            }

            var fee = result.PerformanceFee.Amount + result.ManagementFee.Amount;
            if (fee > 0m)
            {
                var stored = await store.HistoryAsync(run.Backing.Symbol, 1, ct);
                var nav = ledger.GetToken(run.Backing.Symbol)!.NavPerShare.Value;
                if (stored.Count == 1 && stored[0].Date == last)
                {
                    await store.ReviseAsync(run.Track.ReviseLast(stored[0], nav, result.PerformanceFee.Amount), ct);
                }

                run.ReviseLast(nav);
            }
        }
    }

    private decimal HurdleRate(string symbol, DateOnly asOf)
    {
        var hurdle = ledger.GetToken(symbol)?.Token.Fees.Hurdle ?? Fees.PerformanceHurdle.None;
        if (hurdle == Fees.PerformanceHurdle.None)
        {
            return 0m;
        }

        return hurdles?.DailyRate(hurdle, asOf)
            ?? throw new DomainException(Outcome.NoHurdleRates, $"{symbol} has a {hurdle} hurdle but the NAV engine has no T-bill history");
    }

    private async Task<LifecycleEvent?> GateAsync(TokenRun run, TokenStatus status, DateOnly date, CancellationToken ct)
    {
        LifecycleDecision decision;
        TokenStatus to;
        var nav = run.LastNav!.Value;
        if (status == TokenStatus.Proving)
        {
            var days = date.DayNumber - run.Backing.Inception.DayNumber;
            if (days < options.MinProvingDays)
            {
                run.ProvingReason = LifecycleGates.EvaluateProving(days, null, 0m, options, "track record too short", run.Limit).Reason;
                return null;
            }

            decision = EvaluateProving(run.Navs, run.Backing.Inception, date, run.Limit);
            if (decision.Action == LifecycleAction.None)
            {
                run.ProvingReason = decision.Reason;
            }

            to = TokenStatus.Active;
        }
        else if (status == TokenStatus.Active)
        {
            decision = LifecycleGates.EvaluateBreaker(date, nav, run.Peak, run.PeakDate, run.Limit);
            to = TokenStatus.Paused;
        }
        else if (status == TokenStatus.Paused && run.AutoReview && run.Trough is { } trough && run.TroughDate is { } troughDate)
        {
            decision = LifecycleGates.EvaluateReview(date, nav, run.Peak, trough, troughDate, options);
            to = TokenStatus.Active;
        }
        else
        {
            return null;
        }

        if (decision.Action == LifecycleAction.None)
        {
            return null;
        }

        var result = await ledger.ChangeTokenStatusAsync(run.Backing.Symbol, to, ct);
        if (!result.Accepted)
        {
            throw new DomainException(Outcome.StatusRefused, $"{run.Backing.Symbol}: {result.Message}");
        }

        // The numbers of the decision, before the run's breaker state moves on.
        var detail = new Dictionary<string, object?>
        {
            ["date"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["nav"] = nav,
            ["peak"] = run.Peak,
            ["peak_date"] = run.PeakDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["drawdown"] = Drawdowns.Reported(run.Peak, nav),
            ["limit"] = run.Limit.Limit,
            ["limit_source"] = run.Limit.SourceName,
            ["backtest_max_drawdown"] = run.Limit.BacktestMaxDrawdown,
            ["multiple"] = run.Limit.Multiple,
        };
        if (decision.Action == LifecycleAction.Resume)
        {
            detail["trough"] = run.Trough;
            detail["trough_date"] = run.TroughDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            detail["resume_at_nav"] = LifecycleGates.ResumeLevel(run.Peak, run.Trough!.Value, options);
            detail["paused_on"] = run.PausedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        switch (decision.Action)
        {
            case LifecycleAction.Promote:
                // The token goes live today: the breaker measures its peak from here, not from the paper proving period.
                await store.SetBreakerReferenceAsync(run.Backing.Symbol, date, ct);
                run.ResetReference(date, nav);
                break;
            case LifecycleAction.Pause:
                run.StartPause(date, nav, autoReview: true);
                break;
            case LifecycleAction.Resume:
                await store.SetBreakerReferenceAsync(run.Backing.Symbol, date, ct);
                run.ResetReference(date, nav);
                break;
        }

        var ev = new LifecycleEvent(run.Backing.Symbol, date, status, to, EngineActor, decision.Reason, time.GetUtcNow());
        await store.AddEventAsync(ev, ct);
        if (decision.Action is LifecycleAction.Pause or LifecycleAction.Resume)
        {
            var pause = decision.Action == LifecycleAction.Pause;
            if (audit is not null)
            {
                await audit.AppendAsync(new AuditRecord(EngineActor, pause ? "token.breaker_pause" : "token.breaker_resume", run.Backing.Symbol, AuditOutcome.Done,
                    JsonSerializer.Serialize(detail, AuditJson)), ct);
            }

            await NotifyAsync(pause ? "token_breaker_paused" : "token_breaker_resumed", run.Backing.Symbol, decision.Reason, ct);
        }

        return ev;
    }

    private async Task NotifyAsync(string kind, string symbol, string message, CancellationToken ct)
    {
        if (notifier is not null)
        {
            await notifier.NotifyAsync(new Notification(kind, symbol, message, time.GetUtcNow(), null), ct);
        }
    }

    /// <summary>
    /// The promotion gate of a proving token on <paramref name="asOf"/> over its NAV track record (ascending, from
    /// inception to <paramref name="asOf"/>): the Sharpe of daily returns over the T-bill since inception under
    /// <see cref="RatioRules"/> with <see cref="RatioRules.MinObservationsToDecide"/> returns (undefined: the token keeps
    /// proving and the reason says why), the max drawdown against the token's breaker <paramref name="limit"/>, and the
    /// track-record length.
    /// </summary>
    public LifecycleDecision EvaluateProving(IReadOnlyList<(DateOnly Date, decimal Nav)> track, DateOnly inception, DateOnly asOf, BreakerLimit? limit)
    {
        ArgumentNullException.ThrowIfNull(track);
        var points = track.Where(p => p.Date <= asOf).ToList();
        var returns = new double[Math.Max(0, points.Count - 1)];
        for (var i = 1; i < points.Count; i++)
        {
            returns[i - 1] = AnalyticsBoundary.ToDouble((points[i].Nav / points[i - 1].Nav) - 1m);
        }

        var rf = RiskFree.PerPeriod(points.Select(p => p.Date).ToList());
        var sharpe = RatioRules.Sharpe(returns, rf, PeriodsPerYear, RatioRules.MinObservationsToDecide);
        var mdd = AnalyticsBoundary.ToMetric(-PerformanceMetrics.MaxDrawdown(returns).Depth) ?? 0m;
        var days = asOf.DayNumber - inception.DayNumber;
        return LifecycleGates.EvaluateProving(days, sharpe.Value is { } s ? AnalyticsBoundary.ToMetric(s) : null, mdd, options, sharpe.Reason, limit);
    }

    /// <summary>Why each proving token was not promoted at its last NAV step in this process (symbol → reason).</summary>
    public IReadOnlyDictionary<string, string> ProvingReasons =>
        _runs.Values.Where(r => r.ProvingReason is not null).ToDictionary(r => r.Backing.Symbol, r => r.ProvingReason!, StringComparer.Ordinal);

    /// <summary>Runs a lifecycle change while no NAV step runs (the step reads and drops the same token runs).</summary>
    private async Task<T> GatedAsync<T>(Func<Task<T>> change, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            return await change();
        }
        finally
        {
            _gate.Release();
        }
    }

    private static async Task<LedgerResult?> Unless(bool skip, Func<Task<LedgerResult>> command) =>
        skip ? null : await command();

    private static decimal RoundingPolicyNav(decimal nav) => RoundingPolicy.PriceDown(nav);

    private sealed class TokenRun
    {
        private readonly List<(DateOnly Date, decimal Nav)> _navs = [];

        public TokenRun(TokenBacking backing, IBackingPortfolio portfolio, IReadOnlyList<NavHistoryRow> rows, IReadOnlyList<LifecycleEvent> events, TokenStatus status, RiskFreeCurve riskFree)
        {
            Backing = backing;
            Limit = backing.Breaker ?? throw new ArgumentException($"{backing.Symbol}: the breaker limit is not derived", nameof(backing));
            Reference = backing.BreakerReference;
            Portfolio = portfolio;
            Track = NavTrack.Restore(backing.Symbol, rows.Count > NavTrack.Window + 1 ? rows.Skip(rows.Count - NavTrack.Window - 1) : rows, riskFree);
            if (status == TokenStatus.Paused && BreakerState.CurrentPause(events) is { } pause)
            {
                PausedOn = pause.PausedOn;
                AutoReview = pause.AutoReview;
            }

            foreach (var row in rows)
            {
                _navs.Add((row.Date, row.Nav));
                Observe(row.Date, row.Nav);
                LastDate = row.Date;
                LastNav = row.Nav;
            }

            if (LastDate is { } last)
            {
                if (last > portfolio.Date && !portfolio.AdvanceTo(last))
                {
                    throw new DomainException(Outcome.BackingOutOfData, $"{backing.Symbol}: stored NAV history reaches {last:yyyy-MM-dd} but market data does not");
                }

                // A stored row's high-water mark may exceed the NAVs kept in memory (restored window): keep the track's.
            }

            LastUnit = portfolio.UnitValue;
        }

        public TokenBacking Backing { get; }

        /// <summary>The token's breaker limit (stored with its backing).</summary>
        public BreakerLimit Limit { get; }

        /// <summary>The date from which the breaker measures the peak: go-live, or the last resume.</summary>
        public DateOnly Reference { get; private set; }

        public IBackingPortfolio Portfolio { get; }

        public NavTrack Track { get; }

        public DateOnly? LastDate { get; private set; }

        public decimal? LastNav { get; private set; }

        public decimal LastUnit { get; private set; }

        /// <summary>The highest NAV since <see cref="Reference"/> (while paused: the pause-time peak).</summary>
        public decimal Peak { get; private set; }

        public DateOnly? PeakDate { get; private set; }

        /// <summary>The date of the current pause (null when not paused).</summary>
        public DateOnly? PausedOn { get; private set; }

        /// <summary>Whether the current pause is the breaker's own (reviewed automatically); false for an admin's pause or hold.</summary>
        public bool AutoReview { get; private set; }

        /// <summary>The lowest NAV since the current pause, and its date (the first day it was reached).</summary>
        public decimal? Trough { get; private set; }

        public DateOnly? TroughDate { get; private set; }

        public bool Stopped { get; set; }

        public DateOnly NextDate => LastDate?.AddDays(1) ?? Backing.Inception;

        /// <summary>The last NAV after a fee taken on its date once its row was stored.</summary>
        public void ReviseLast(decimal nav)
        {
            _navs[^1] = (_navs[^1].Date, nav);
            LastNav = nav;
        }

        /// <summary>Why the token was not promoted at its last gate (null once promoted or before any gate).</summary>
        public string? ProvingReason { get; set; }

        /// <summary>The NAV track record since inception, ascending.</summary>
        public IReadOnlyList<(DateOnly Date, decimal Nav)> Navs => _navs;

        public void Record(DateOnly date, decimal nav, decimal unit)
        {
            _navs.Add((date, nav));
            LastDate = date;
            LastNav = nav;
            LastUnit = unit;
            Observe(date, nav);
        }

        /// <summary>The token went live or resumed on <paramref name="date"/>: the peak restarts at that day's NAV.</summary>
        public void ResetReference(DateOnly date, decimal nav)
        {
            Reference = date;
            Peak = nav;
            PeakDate = date;
            PausedOn = null;
            AutoReview = false;
            Trough = null;
            TroughDate = null;
        }

        /// <summary>The token was paused on <paramref name="date"/>: the trough starts at that day's NAV.</summary>
        public void StartPause(DateOnly date, decimal nav, bool autoReview)
        {
            PausedOn = date;
            AutoReview = autoReview;
            Trough = nav;
            TroughDate = date;
        }

        private void Observe(DateOnly date, decimal nav)
        {
            // While paused the peak stays the pause-time peak; the trough is the lowest NAV since the pause (a tie is no new low).
            if (date >= Reference && (PausedOn is not { } p || date <= p) && nav > Peak)
            {
                Peak = nav;
                PeakDate = date;
            }

            if (PausedOn is { } on && date >= on && (Trough is null || nav < Trough))
            {
                Trough = nav;
                TroughDate = date;
            }
        }
    }
}
