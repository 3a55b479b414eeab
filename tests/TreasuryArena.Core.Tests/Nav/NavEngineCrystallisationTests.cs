using TreasuryArena.Core.Common;
using TreasuryArena.Core.Fees;
using TreasuryArena.Core.Ledger;
using TreasuryArena.Core.Nav;
using TreasuryArena.Core.Tests.Ledger;
using TreasuryArena.Core.Tokens;
using TreasuryArena.Core.Wallets;

namespace TreasuryArena.Core.Tests.Nav;

/// <summary>
/// The NAV engine crystallises at the quarter-end NAV; when the quarter's last calendar day has no price, at the
/// last NAV day within the quarter, dated that day, once the quarter is over.
/// </summary>
public sealed class NavEngineCrystallisationTests
{
    private static readonly FeeSchedule PerformanceOnly = new(0m, 0m, 0.10m, CrystallisationSchedule.Quarterly);
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task QuarterEndWithoutPrice_CrystallisesAtTheLastNavDayOfTheQuarter_DatedThatDay()
    {
        // Prices from 20 to 27 March only: the NAV is flat at 1.00 and jumps to 1.10 on the 27th, the quarter's last NAV day.
        var units = new SortedDictionary<DateOnly, decimal>();
        for (var d = new DateOnly(2026, 3, 20); d <= new DateOnly(2026, 3, 27); d = d.AddDays(1))
        {
            units[d] = d.Day == 27 ? 1.10m : 1.00m;
        }

        var (ledger, store, engine) = await SetUpAsync(units, new DateOnly(2026, 3, 20));
        await using var _ = ledger;
        using var __ = engine;

        // Before the quarter is over nothing is crystallised: a price for the 28th–31st may still come.
        await engine.RunAsync(new DateOnly(2026, 3, 30), Ct);
        Assert.Equal(0m, store.Rows.Sum(r => r.PerformanceFee));
        Assert.Equal(1.10m, store.Rows[^1].Nav);

        // Once the quarter is over, it is crystallised at the 27th's NAV, dated the 27th.
        await engine.RunAsync(new DateOnly(2026, 4, 2), Ct);
        var last = store.Rows[^1];
        Assert.Equal(new DateOnly(2026, 3, 27), last.Date);
        Assert.Equal(100.00m, last.PerformanceFee); // 10% of (11,000 − 1.00 × 10,000)
        Assert.Equal(1.09m, last.Nav); // the row shows the NAV after the fee
        Assert.Equal(last.Nav, ledger.GetToken("ALPHA")!.NavPerShare.Value);
        Assert.Equal(100.00m, ledger.Revenue.Amount);
        var token = ledger.GetToken("ALPHA")!.Token;
        Assert.Equal(new DateOnly(2026, 3, 31), token.LastCrystallisationDate);
        Assert.Equal(new DateOnly(2026, 3, 27), token.HighWaterMarkDate);
        Assert.Equal(1.09m, token.HighWaterMark.Value);

        // Running again changes nothing.
        await engine.RunAsync(new DateOnly(2026, 4, 5), Ct);
        Assert.Equal(100.00m, ledger.Revenue.Amount);
        Assert.Equal(8, store.Rows.Count);
    }

    [Fact]
    public async Task QuarterEndWithPrice_CrystallisesOnTheQuarterEndRow()
    {
        var units = new SortedDictionary<DateOnly, decimal>();
        for (var d = new DateOnly(2026, 3, 28); d <= new DateOnly(2026, 4, 3); d = d.AddDays(1))
        {
            units[d] = d == new DateOnly(2026, 3, 31) ? 1.20m : d > new DateOnly(2026, 3, 31) ? 1.50m : 1.00m;
        }

        var (ledger, store, engine) = await SetUpAsync(units, new DateOnly(2026, 3, 28));
        await using var _ = ledger;
        using var __ = engine;
        await engine.RunAsync(new DateOnly(2026, 4, 3), Ct);

        // At the 31 March NAV (1.20), not at 1 April's (1.50): 10% of 2,000.
        var fees = store.Rows.Where(r => r.PerformanceFee > 0m).ToList();
        Assert.Single(fees);
        Assert.Equal(new DateOnly(2026, 3, 31), fees[0].Date);
        Assert.Equal(200.00m, fees[0].PerformanceFee);
        Assert.Equal(1.18m, fees[0].Nav);
    }

    private static async Task<(LedgerService Ledger, MemoryNavStore Store, NavEngine Engine)> SetUpAsync(SortedDictionary<DateOnly, decimal> units, DateOnly inception)
    {
        var ledger = LedgerService.InMemory(new LedgerFakeTime());
        Assert.True((await ledger.CreateTokenAsync("ALPHA", "Alpha", "flat", UnitPrice.Of(1m), inception, PerformanceOnly)).Accepted);
        Assert.True((await ledger.ChangeTokenStatusAsync("ALPHA", TokenStatus.Active)).Accepted);
        var w = (await ledger.CreateWalletAsync("org", WalletMode.Manual, RiskTolerance.Moderate, "w")).Address!;
        Assert.True((await ledger.DepositAsync(w, Money.Usd(10_000m), "d")).Accepted);
        Assert.True((await ledger.BuyAsync(w, "ALPHA", Money.Usd(10_000m), "b")).Accepted);
        var store = new MemoryNavStore(new TokenBacking("ALPHA", "flat", new Dictionary<string, string>(), inception, inception));
        var engine = new NavEngine(ledger, store, new TableFactory(units), new LifecycleOptions(), new LedgerFakeTime());
        return (ledger, store, engine);
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

    private sealed class MemoryNavStore(TokenBacking backing) : INavStore
    {
        public List<NavHistoryRow> Rows { get; } = [];

        public Task<IReadOnlyList<TokenBacking>> ListBackingsAsync(CancellationToken ct) => Task.FromResult<IReadOnlyList<TokenBacking>>([backing]);

        public Task<TokenBacking?> FindBackingAsync(string symbol, CancellationToken ct) => Task.FromResult<TokenBacking?>(backing);

        public Task<bool> TryAddBackingAsync(TokenBacking backing, string backtestJson, CancellationToken ct) => Task.FromResult(false);

        public Task SetBreakerReferenceAsync(string symbol, DateOnly date, CancellationToken ct) => Task.CompletedTask;

        public Task SetBreakerLimitAsync(string symbol, BreakerLimit limit, CancellationToken ct) => Task.CompletedTask;

        public Task<string?> FindBacktestAsync(string symbol, CancellationToken ct) => Task.FromResult<string?>(null);

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

        public Task AddEventAsync(LifecycleEvent lifecycleEvent, CancellationToken ct) => Task.CompletedTask;

        public Task<IReadOnlyList<LifecycleEvent>> EventsAsync(string? symbol, CancellationToken ct) => Task.FromResult<IReadOnlyList<LifecycleEvent>>([]);
    }
}
