using System.Text.Json;
using TreasuryArena.Core.Audit;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Compliance;
using TreasuryArena.Core.Fees;
using TreasuryArena.Core.Ledger;
using TreasuryArena.Core.Nav;
using TreasuryArena.Core.Tests.Ledger;
using TreasuryArena.Core.Tokens;
using TreasuryArena.Core.Wallets;

namespace TreasuryArena.Core.Tests.Nav;

/// <summary>
/// The NAV engine's drawdown breaker on constructed NAV paths: each token's own limit, measured from the go-live peak,
/// the automatic review (recovery or cooling-off), admin hold and resume, and the audit and notification of each
/// pause and resume. Fees are zero, so the NAV is exactly the unit value path.
/// </summary>
public sealed class NavEngineBreakerTests
{
    private static readonly FeeSchedule NoFees = new(0m, 0m, 0m, CrystallisationSchedule.Quarterly);
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly DateOnly Inception = new(2022, 1, 1);

    /// <summary>A unit value path from <see cref="Inception"/>: one value a day.</summary>
    private static SortedDictionary<DateOnly, decimal> Path(IEnumerable<decimal> values)
    {
        var units = new SortedDictionary<DateOnly, decimal>();
        var d = Inception;
        foreach (var v in values)
        {
            units[d] = v;
            d = d.AddDays(1);
        }

        return units;
    }

    private static IEnumerable<decimal> Line(decimal from, decimal to, int days) =>
        Enumerable.Range(1, days).Select(i => Math.Round(from + ((to - from) * i / days), 8, MidpointRounding.AwayFromZero));

    [Fact]
    public async Task Pause_AtItsOwnLimit_FromTheLivePeak_AuditedNotifiedAndBuysOnlyStop()
    {
        // Backtest worst drawdown 30% → limit 37.5%. 1.00 for 5 days, down to 0.60 over 40 days.
        var units = Path([1m, 1m, 1m, 1m, 1m, .. Line(1m, 0.60m, 40)]);
        await using var k = await Kit.ActiveAsync(units, Backtest(0.30m));
        var w = await k.HolderAsync(1_000m);

        await k.Engine.RunAsync(units.Keys.Last(), Ct);

        var pause = Assert.Single(k.Store.Events, e => e.To == TokenStatus.Paused);
        var firstBelow = k.Store.Rows.First(r => r.Nav <= 0.625m).Date;
        Assert.Equal(firstBelow, pause.Date);
        Assert.Equal(NavEngine.EngineActor, pause.Actor);
        Assert.Contains("37.5%", pause.Reason, StringComparison.Ordinal);
        Assert.Equal(TokenStatus.Paused, k.Ledger.GetToken("ALPHA")!.Token.Status);

        var audit = Assert.Single(k.Audit.Records);
        Assert.Equal(("token.breaker_pause", "ALPHA", NavEngine.EngineActor), (audit.Action, audit.Subject, audit.Actor));
        using (var detail = JsonDocument.Parse(audit.Detail))
        {
            Assert.Equal(0.375m, detail.RootElement.GetProperty("limit").GetDecimal());
            Assert.Equal("backtest", detail.RootElement.GetProperty("limit_source").GetString());
            Assert.Equal(1m, detail.RootElement.GetProperty("peak").GetDecimal());
            Assert.True(detail.RootElement.GetProperty("drawdown").GetDecimal() >= 0.375m);
        }

        Assert.Equal("token_breaker_paused", Assert.Single(k.Notifier.Sent).Kind);

        // A pause stops buys only: the holder can still sell.
        Assert.False((await k.Ledger.BuyAsync(w, "ALPHA", Money.Usd(100m), "b2")).Accepted);
        var held = k.Ledger.GetHolding(w, "ALPHA")!.Shares;
        Assert.True((await k.Ledger.SellAsync(w, "ALPHA", held, "s1")).Accepted);
    }

    [Fact]
    public async Task Review_StillFalling_StaysPaused_ThenResumesHalfWayBack_AndRearmsFromTheResume()
    {
        // Floor limit 20% (no backtest). 1.00 → 0.60 (pause at 0.80, trough 0.60), then back up to 0.90.
        var units = Path([1m, .. Line(1m, 0.60m, 40), .. Line(0.60m, 0.90m, 30)]);
        await using var k = await Kit.ActiveAsync(units, null);

        await k.Engine.RunAsync(Inception.AddDays(40), Ct);
        Assert.Equal(TokenStatus.Paused, k.Ledger.GetToken("ALPHA")!.Token.Status); // falling all the way: no resume
        var state = await k.Engine.BreakerStateAsync("ALPHA", null, Ct);
        Assert.Equal((0.60m, 0.80m), (state!.Trough!.Value, state.ResumeAtNav!.Value)); // 0.60 + ½ (1.00 − 0.60)
        Assert.True(state.AutoReview);

        await k.Engine.RunAsync(units.Keys.Last(), Ct);
        var resume = Assert.Single(k.Store.Events, e => e.From == TokenStatus.Paused && e.To == TokenStatus.Active);
        Assert.Equal(k.Store.Rows.First(r => r.Date > Inception.AddDays(40) && r.Nav >= 0.80m).Date, resume.Date);
        Assert.Equal(NavEngine.EngineActor, resume.Actor);
        Assert.Equal(TokenStatus.Active, k.Ledger.GetToken("ALPHA")!.Token.Status);
        Assert.Equal(resume.Date, k.Store.Reference);
        Assert.Equal(["token.breaker_pause", "token.breaker_resume"], k.Audit.Records.Select(r => r.Action));
        using (var detail = JsonDocument.Parse(k.Audit.Records[1].Detail))
        {
            Assert.Equal(0.60m, detail.RootElement.GetProperty("trough").GetDecimal());
            Assert.Equal(0.80m, detail.RootElement.GetProperty("resume_at_nav").GetDecimal());
        }

        Assert.Equal(["token_breaker_paused", "token_breaker_resumed"], k.Notifier.Sent.Select(n => n.Kind));

        // Re-armed from the resume: the peak is measured from that day, so a later 20% fall pauses again.
        var after = await k.Engine.BreakerStateAsync("ALPHA", null, Ct);
        Assert.Equal(resume.Date, after!.Reference);
        Assert.Equal(0.90m, after.Peak);
    }

    [Fact]
    public async Task Review_NoNewLowForTheCoolingOff_Resumes()
    {
        // 1.00 → 0.70 in 10 days (trough on day 10), then 0.72 for 100 days: never half-way back (0.85).
        var units = Path([1m, .. Line(1m, 0.70m, 10), .. Enumerable.Repeat(0.72m, 100)]);
        await using var k = await Kit.ActiveAsync(units, null);

        await k.Engine.RunAsync(units.Keys.Last(), Ct);

        var trough = Inception.AddDays(10);
        var resume = Assert.Single(k.Store.Events, e => e.To == TokenStatus.Active);
        Assert.Equal(trough.AddDays(90), resume.Date);
        Assert.Contains("no new low for 90 days", resume.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminHold_StopsTheReview_AdminResumeReopensAndResetsTheReference()
    {
        var units = Path([1m, .. Line(1m, 0.60m, 40), .. Line(0.60m, 1.00m, 30)]);
        await using var k = await Kit.ActiveAsync(units, null);
        await k.Engine.RunAsync(Inception.AddDays(40), Ct);

        await k.Engine.HoldAsync("ALPHA", Inception.AddDays(40), "risk officer", "reviewing the strategy", Ct);
        await k.Engine.RunAsync(units.Keys.Last(), Ct);
        Assert.Equal(TokenStatus.Paused, k.Ledger.GetToken("ALPHA")!.Token.Status); // fully recovered, still held
        Assert.False((await k.Engine.BreakerStateAsync("ALPHA", null, Ct))!.AutoReview);
        Assert.DoesNotContain(k.Store.Events, e => e.To == TokenStatus.Active);

        var last = units.Keys.Last();
        await k.Engine.ResumeAsync("ALPHA", last, "risk officer", "reviewed", Ct);
        Assert.Equal(TokenStatus.Active, k.Ledger.GetToken("ALPHA")!.Token.Status);
        Assert.Equal(last, k.Store.Reference);
        Assert.Equal(["token_breaker_paused", "token_held", "token_resumed"], k.Notifier.Sent.Select(n => n.Kind));
        Assert.Equal(["Active→Paused", "Paused→Paused", "Paused→Active"], k.Store.Events.Select(e => $"{e.From}→{e.To}"));
    }

    [Fact]
    public async Task AdminPause_IsNotReviewedAutomatically()
    {
        var units = Path([1m, .. Enumerable.Repeat(1m, 120)]);
        await using var k = await Kit.ActiveAsync(units, null);
        await k.Engine.RunAsync(Inception.AddDays(2), Ct);
        await k.Engine.SetStatusAsync("ALPHA", TokenStatus.Paused, Inception.AddDays(2), "admin", "suspected data error", Ct);

        await k.Engine.RunAsync(units.Keys.Last(), Ct);

        Assert.Equal(TokenStatus.Paused, k.Ledger.GetToken("ALPHA")!.Token.Status);
        Assert.Empty(k.Audit.Records); // the caller (API, CLI) audits an admin's change
        Assert.Equal("token_paused", Assert.Single(k.Notifier.Sent).Kind);
    }

    [Fact]
    public async Task Promotion_StartsTheBreakerAtTheGoLivePeak_NotThePaperPeak()
    {
        // Paper proving: up to 1.50 by day 60, back to 1.30 by day 90 (promotion at about 1.30, max drawdown ≈ 14%).
        // Then a fall of 1% a day. The old rule (peak since inception, 20%) paused at 1.20; from the go-live peak the
        // floor limit (20%) pauses at 0.8 × the peak since promotion.
        var proving = new List<decimal> { 1m };
        for (var i = 1; i <= 90; i++)
        {
            var trend = i <= 60 ? 1m + (0.5m * i / 60) : 1.5m - (0.2m * (i - 60) / 30);
            proving.Add(Math.Round(trend * (i % 2 == 0 ? 1.004m : 0.996m), 8, MidpointRounding.AwayFromZero));
        }

        var fall = Enumerable.Range(1, 40).Select(i => Math.Round(proving[^1] * (decimal)Math.Pow(0.99, i), 8, MidpointRounding.AwayFromZero));
        var units = Path([.. proving, .. fall]);
        await using var k = await Kit.ProvingAsync(units);

        await k.Engine.RunAsync(units.Keys.Last(), Ct);

        var promoted = Assert.Single(k.Store.Events, e => e.From == TokenStatus.Proving && e.To == TokenStatus.Active);
        Assert.Equal(promoted.Date, k.Store.Reference);
        var livePeak = k.Store.Rows.Where(r => r.Date >= promoted.Date).Max(r => r.Nav);
        var paperPeak = k.Store.Rows.Max(r => r.Nav);
        Assert.True(paperPeak > livePeak);
        var pause = Assert.Single(k.Store.Events, e => e.To == TokenStatus.Paused);
        Assert.Equal(k.Store.Rows.First(r => r.Date > promoted.Date && r.Nav <= livePeak * 0.8m).Date, pause.Date);
        Assert.True(k.Store.Rows.First(r => r.Date > promoted.Date && r.Nav <= paperPeak * 0.8m).Date < pause.Date);
    }

    [Fact]
    public async Task TokenIssuedBeforeLimits_GetsItsLimitFromTheStoredBacktest_Once()
    {
        var units = Path([1m, 1m, 1m]);
        await using var k = await Kit.ActiveAsync(units, null, stored: """{"from":"2019-01-01","to":"2021-12-31","max_drawdown":-0.4}""");

        await k.Engine.RunAsync(units.Keys.Last(), Ct);

        Assert.Equal(0.50m, k.Store.Limit!.Limit);
        Assert.Equal(BreakerLimitSource.Backtest, k.Store.Limit.Source);
        Assert.Equal(1, k.Store.LimitWrites);
    }

    private static BreakerLimit Backtest(decimal mdd) => BreakerLimit.Derive(new DateOnly(2019, 1, 1), new DateOnly(2021, 12, 31), mdd, new LifecycleOptions());

    private sealed class Kit : IAsyncDisposable
    {
        private Kit(LedgerService ledger, MemoryNavStore store, NavEngine engine, RecordingAudit audit, RecordingNotifier notifier)
        {
            Ledger = ledger;
            Store = store;
            Engine = engine;
            Audit = audit;
            Notifier = notifier;
        }

        public LedgerService Ledger { get; }

        public MemoryNavStore Store { get; }

        public NavEngine Engine { get; }

        public RecordingAudit Audit { get; }

        public RecordingNotifier Notifier { get; }

        public static Task<Kit> ActiveAsync(SortedDictionary<DateOnly, decimal> units, BreakerLimit? limit, string? stored = null) =>
            CreateAsync(units, limit ?? (stored is null ? BreakerLimit.Derive(null, null, null, new LifecycleOptions()) : null), stored, active: true);

        public static Task<Kit> ProvingAsync(SortedDictionary<DateOnly, decimal> units) =>
            CreateAsync(units, BreakerLimit.Derive(null, null, null, new LifecycleOptions()), null, active: false);

        private static async Task<Kit> CreateAsync(SortedDictionary<DateOnly, decimal> units, BreakerLimit? limit, string? stored, bool active)
        {
            var time = new LedgerFakeTime();
            var ledger = LedgerService.InMemory(time);
            Assert.True((await ledger.CreateTokenAsync("ALPHA", "Alpha", "table", UnitPrice.Of(1m), Inception, NoFees)).Accepted);
            if (active)
            {
                Assert.True((await ledger.ChangeTokenStatusAsync("ALPHA", TokenStatus.Active)).Accepted);
            }

            var store = new MemoryNavStore(new TokenBacking("ALPHA", "table", new Dictionary<string, string>(), Inception, Inception, limit), stored);
            var audit = new RecordingAudit();
            var notifier = new RecordingNotifier();
            var engine = new NavEngine(ledger, store, new TableFactory(units), new LifecycleOptions(), time, null, null, audit, notifier);
            return new Kit(ledger, store, engine, audit, notifier);
        }

        public async Task<string> HolderAsync(decimal usd)
        {
            var w = (await Ledger.CreateWalletAsync("org", WalletMode.Manual, RiskTolerance.Moderate, "w")).Address!;
            Assert.True((await Ledger.DepositAsync(w, Money.Usd(usd), "d")).Accepted);
            Assert.True((await Ledger.BuyAsync(w, "ALPHA", Money.Usd(usd), "b")).Accepted);
            return w;
        }

        public async ValueTask DisposeAsync()
        {
            Engine.Dispose();
            await Ledger.DisposeAsync();
        }
    }

    private sealed class RecordingAudit : IAuditLog
    {
        public List<AuditRecord> Records { get; } = [];

        public Task<AuditEntry> AppendAsync(AuditRecord record, CancellationToken ct)
        {
            lock (Records)
            {
                Records.Add(record);
                return Task.FromResult(new AuditEntry(Records.Count, DateTimeOffset.UnixEpoch, record.Actor, record.Action, record.Subject, record.Outcome, record.Detail, "", ""));
            }
        }

        public Task<IReadOnlyList<AuditEntry>> ReadAsync(long afterSequence, int limit, CancellationToken ct) => throw new NotSupportedException();

        public Task<AuditVerification> VerifyAsync(CancellationToken ct) => throw new NotSupportedException();
    }

    private sealed class RecordingNotifier : INotifier
    {
        public List<Notification> Sent { get; } = [];

        public Task NotifyAsync(Notification notification, CancellationToken ct)
        {
            lock (Sent)
            {
                Sent.Add(notification);
            }

            return Task.CompletedTask;
        }
    }

    private sealed class TableFactory(SortedDictionary<DateOnly, decimal> units) : IBackingPortfolioFactory
    {
        public IBackingPortfolio Create(TokenBacking backing) => new TablePortfolio(units, backing.Inception);
    }

    private sealed class TablePortfolio(SortedDictionary<DateOnly, decimal> units, DateOnly start) : IBackingPortfolio
    {
        public DateOnly Date { get; private set; } = start;

        public DateOnly LastAvailable => units.Keys.Last();

        public decimal UnitValue => units[Date];

        public bool AdvanceTo(DateOnly date)
        {
            if (!units.ContainsKey(date) || date < Date)
            {
                return false;
            }

            Date = date;
            return true;
        }
    }

    /// <summary>One token's backing, NAV rows, lifecycle events, breaker reference and limit, in memory.</summary>
    private sealed class MemoryNavStore(TokenBacking backing, string? backtest) : INavStore
    {
        public List<NavHistoryRow> Rows { get; } = [];

        public List<LifecycleEvent> Events { get; } = [];

        public DateOnly Reference { get; private set; } = backing.BreakerReference;

        public BreakerLimit? Limit { get; private set; } = backing.Breaker;

        public int LimitWrites { get; private set; }

        private TokenBacking Current => backing with { BreakerReference = Reference, Breaker = Limit };

        public Task<IReadOnlyList<TokenBacking>> ListBackingsAsync(CancellationToken ct) => Task.FromResult<IReadOnlyList<TokenBacking>>([Current]);

        public Task<TokenBacking?> FindBackingAsync(string symbol, CancellationToken ct) => Task.FromResult<TokenBacking?>(Current);

        public Task<bool> TryAddBackingAsync(TokenBacking b, string backtestJson, CancellationToken ct) => Task.FromResult(false);

        public Task SetBreakerReferenceAsync(string symbol, DateOnly date, CancellationToken ct)
        {
            Reference = date;
            return Task.CompletedTask;
        }

        public Task SetBreakerLimitAsync(string symbol, BreakerLimit limit, CancellationToken ct)
        {
            Limit = limit;
            LimitWrites++;
            return Task.CompletedTask;
        }

        public Task<string?> FindBacktestAsync(string symbol, CancellationToken ct) => Task.FromResult(backtest);

        public Task<IReadOnlyList<NavHistoryRow>> HistoryAsync(string symbol, int? last, CancellationToken ct) =>
            Task.FromResult<IReadOnlyList<NavHistoryRow>>(last is { } n ? [.. Rows.Skip(Math.Max(0, Rows.Count - n))] : [.. Rows]);

        public Task AppendAsync(IReadOnlyList<NavHistoryRow> rows, CancellationToken ct)
        {
            Rows.AddRange(rows.Where(r => Rows.All(x => x.Date != r.Date)));
            return Task.CompletedTask;
        }

        public Task ReviseAsync(NavHistoryRow row, CancellationToken ct)
        {
            Rows[Rows.FindIndex(r => r.Date == row.Date)] = row;
            return Task.CompletedTask;
        }

        public Task AddEventAsync(LifecycleEvent lifecycleEvent, CancellationToken ct)
        {
            Events.Add(lifecycleEvent);
            return Task.CompletedTask;
        }

        public Task<IReadOnlyList<LifecycleEvent>> EventsAsync(string? symbol, CancellationToken ct) => Task.FromResult<IReadOnlyList<LifecycleEvent>>([.. Events]);
    }
}
