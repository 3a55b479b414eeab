using System.Globalization;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Fees;
using TreasuryArena.Core.Ledger;
using TreasuryArena.Core.Tokens;
using TreasuryArena.Core.Wallets;
using TreasuryArena.Infrastructure.Storage;

namespace TreasuryArena.Infrastructure.Tests.Storage;

/// <summary>
/// Two ledgers on one database, each opened through its own <see cref="ArenaDatabase"/> (as two processes would be):
/// the journal is the source of truth, each ledger a cache that catches up from its tail (issue 19).
/// </summary>
public sealed class LedgerClusterTests
{
    private static readonly TimeProvider Time = new StorageFakeTime();

    [Fact]
    public Task TwoInstances_Sqlite_InterleavedTradesNoLostWriteNoFork() => WithSqlite(InterleavedScenario);

    [PostgresFact]
    public Task TwoInstances_Postgres_BothTakingBuysNoLostWriteNoFork() => WithPostgres(InterleavedScenario);

    [Fact]
    public Task TwoInstances_Sqlite_SeeEachOthersWalletsTokensAndKeysWithinASecond() => WithSqlite(VisibilityScenario);

    [PostgresFact]
    public Task TwoInstances_Postgres_SeeEachOthersWalletsTokensAndKeysWithinASecond() => WithPostgres(VisibilityScenario);

    [Fact]
    public Task AppendTurn_Sqlite_StaleHeadOrTakenSequence_ConflictWritesNothing() => WithSqlite(ConflictScenario);

    [PostgresFact]
    public Task AppendTurn_Postgres_StaleHeadOrTakenSequence_ConflictWritesNothing() => WithPostgres(ConflictScenario);

    private static async Task ConflictScenario(string dbString)
    {
        var db = await ArenaDatabase.OpenAsync(dbString, Time);
        string w;
        await using (var ledger = await db.OpenLedgerAsync(Time))
        {
            w = (await ledger.CreateWalletAsync("org", WalletMode.Manual, RiskTolerance.Moderate, "w")).Address!;
            await ledger.DepositAsync(w, Money.Usd(100m), "d");
        }

        await using var journal = db.CreateLedgerJournal();
        var head = await journal.ReadHeadAsync(CancellationToken.None);
        Assert.Equal(1, head.Sequence);
        Assert.Equal(2, head.Revision);
        var ticks = Time.GetUtcNow().UtcTicks;
        var at = new DateTimeOffset(ticks - (ticks % 10), TimeSpan.Zero); // whole microseconds, as PostgreSQL stores them
        var day = DateOnly.FromDateTime(at.UtcDateTime); // entries carry a valuation date since migration 0430
        var cash = new BalanceKey(LedgerAccount.Wallet(w), LedgerUnit.Usd);

        LedgerBatch Deposit(long seq, string prev) => new(
            [new LedgerEntry(seq, 3, LedgerOperationKind.Deposit, "x", EntryKind.Deposit, "", LedgerUnit.Usd, LedgerAccount.External, LedgerAccount.Wallet(w), 5m, at, prev,
                EntryHasher.Compute(seq, 3, LedgerOperationKind.Deposit, "x", EntryKind.Deposit, "", LedgerUnit.Usd, LedgerAccount.External, LedgerAccount.Wallet(w), 5m, at, prev, day))
            { ValuationDate = day }],
            new Dictionary<BalanceKey, decimal> { [cash] = 105m, [new BalanceKey(LedgerAccount.External, LedgerUnit.Usd)] = -105m },
            [],
            []);

        // A head that moved since validation (here: an older revision) and a sequence number already taken.
        await using (var turn = await journal.BeginAppendAsync(CancellationToken.None))
        {
            var (outcome, found) = await turn.AppendAsync(Deposit(2, head.Hash), head with { Revision = 1 }, CancellationToken.None);
            Assert.Equal(LedgerAppendOutcome.Conflict, outcome);
            Assert.Equal(head, found);
        }

        await using (var turn = await journal.BeginAppendAsync(CancellationToken.None))
        {
            var (outcome, found) = await turn.AppendAsync(Deposit(1, EntryHasher.Genesis), head, CancellationToken.None);
            Assert.Equal(LedgerAppendOutcome.Conflict, outcome);
            Assert.Equal(head, found);
        }

        Assert.Equal(head, await journal.ReadHeadAsync(CancellationToken.None));
        Assert.Equal(100m, (await journal.ReadBalancesAsync(CancellationToken.None))[cash]);

        // The right head appends, and moves it.
        await using (var turn = await journal.BeginAppendAsync(CancellationToken.None))
        {
            var (outcome, moved) = await turn.AppendAsync(Deposit(2, head.Hash), head, CancellationToken.None);
            Assert.Equal(LedgerAppendOutcome.Appended, outcome);
            Assert.Equal((2L, 3L), (moved.Sequence, moved.Revision));
        }

        Assert.True((await LedgerVerifier.VerifyAsync(journal)).Ok);
    }

    private static async Task InterleavedScenario(string dbString)
    {
        await using var one = await (await ArenaDatabase.OpenAsync(dbString, Time)).OpenLedgerAsync(Time);
        await using var two = await (await ArenaDatabase.OpenAsync(dbString, Time)).OpenLedgerAsync(Time);
        var a = (await one.CreateWalletAsync("org-a", WalletMode.Manual, RiskTolerance.Moderate, "wa")).Address!;
        Assert.True((await one.CreateTokenAsync("ALPHA", "Alpha", "s", UnitPrice.Of(1m), new DateOnly(2026, 1, 1), FeeSchedule.Default)).Accepted);
        Assert.True((await one.ChangeTokenStatusAsync("ALPHA", TokenStatus.Active)).Accepted);

        // The second instance decides on what the first wrote: its own wallet, a deposit into the first one's wallet.
        var b = (await two.CreateWalletAsync("org-b", WalletMode.Manual, RiskTolerance.Moderate, "wb")).Address!;
        Assert.True((await two.DepositAsync(a, Money.Usd(300m), "da")).Accepted);
        Assert.True((await one.DepositAsync(b, Money.Usd(300m), "db")).Accepted);

        // Both instances take buys (and some sells) for both wallets at once: 2 × 150 buys of $3 on $300 each.
        var work = new List<Task<LedgerResult>>();
        for (var i = 0; i < 150; i++)
        {
            var n = i.ToString(CultureInfo.InvariantCulture);
            work.Add(Task.Run(() => one.BuyAsync(a, "ALPHA", Money.Usd(3m), "1a" + n)));
            work.Add(Task.Run(() => two.BuyAsync(a, "ALPHA", Money.Usd(3m), "2a" + n)));
            work.Add(Task.Run(() => one.BuyAsync(b, "ALPHA", Money.Usd(3m), "1b" + n)));
            work.Add(Task.Run(() => two.BuyAsync(b, "ALPHA", Money.Usd(3m), "2b" + n)));
        }

        var results = await Task.WhenAll(work);
        Assert.All(results.Where(r => !r.Accepted), r => Assert.Equal(LedgerError.InsufficientCash, r.Error));
        Assert.Equal(200, results.Count(r => r.Accepted)); // $300 / $3 per wallet: nothing spent twice, nothing lost

        var sold = await two.SellAsync(a, "ALPHA", Shares.Of(10m), "sa");
        Assert.True(sold.Accepted, sold.Message);
        var journal = (await ArenaDatabase.OpenAsync(dbString, Time)).CreateLedgerJournal();
        var stored = await journal.ReadBalancesAsync(CancellationToken.None);
        await AssertSoonAsync(() => one.Head == two.Head);
        foreach (var ledger in new[] { one, two })
        {
            Assert.Equal(stored.Where(kv => kv.Value != 0m).OrderBy(kv => kv.Key.ToString()), ledger.SnapshotBalances().OrderBy(kv => kv.Key.ToString()));
            Assert.Equal(0m, ledger.GetWallet(b)!.Cash.Amount);
        }

        var verified = await LedgerVerifier.VerifyAsync(journal);
        Assert.True(verified.Ok, string.Join("; ", verified.Violations.Select(v => v.ToString())));
        Assert.Equal(one.Head.Sequence, verified.Entries);
        Assert.Equal(one.Head, (await journal.ReadHeadAsync(CancellationToken.None)) is var h ? (h.Sequence, h.Hash) : default);
    }

    private static async Task VisibilityScenario(string dbString)
    {
        await using var one = await (await ArenaDatabase.OpenAsync(dbString, Time)).OpenLedgerAsync(Time);
        await using var two = await (await ArenaDatabase.OpenAsync(dbString, Time)).OpenLedgerAsync(Time);
        var version = two.Version;

        // A wallet and a token made by one instance appear in the other without any command there (the idle follow).
        var w = (await one.CreateWalletAsync("org", WalletMode.Hybrid, RiskTolerance.Moderate, "w")).Address!;
        await one.CreateTokenAsync("BRAVO", "Bravo", "s", UnitPrice.Of(2m), new DateOnly(2026, 1, 1), FeeSchedule.None);
        await one.ChangeTokenStatusAsync("BRAVO", TokenStatus.Active);
        await one.DepositAsync(w, Money.Usd(100m), "d");
        await AssertSoonAsync(() => two.GetWallet(w) is { Cash.Amount: 100m } && two.GetToken("BRAVO")?.Token.Status == TokenStatus.Active);
        Assert.True(two.Version > version);
        Assert.Equal(WalletMode.Hybrid, two.GetWallet(w)!.Wallet.Mode);

        // A mode change (no entry, only the wallet row) follows too.
        await two.UpdateWalletAsync(w, WalletMode.Manual, RiskTolerance.Conservative);
        await AssertSoonAsync(() => one.GetWallet(w)!.Wallet.Mode == WalletMode.Manual);

        // An idempotency key used through one instance is honoured through the other: the first result, nothing twice.
        var first = await one.BuyAsync(w, "BRAVO", Money.Usd(10m), "buy-1");
        var repeat = await two.BuyAsync(w, "BRAVO", Money.Usd(10m), "buy-1");
        Assert.True(first.Accepted);
        Assert.True(repeat.Repeated);
        Assert.Equal(first.OperationId, repeat.OperationId);
        Assert.Equal(first.Shares, repeat.Shares);
        await AssertSoonAsync(() => one.GetWallet(w)!.Cash.Amount == 90m && two.GetWallet(w)!.Cash.Amount == 90m);

        // The same key creating a wallet through the other instance returns the same wallet.
        var again = await two.CreateWalletAsync("org", WalletMode.Hybrid, RiskTolerance.Moderate, "w");
        Assert.Equal(w, again.Address);
        Assert.True(again.Repeated);
        Assert.True((await LedgerVerifier.VerifyAsync((await ArenaDatabase.OpenAsync(dbString, Time)).CreateLedgerJournal())).Ok);
    }

    /// <summary>Waits up to one second (the visibility promise) for <paramref name="condition"/>.</summary>
    private static async Task AssertSoonAsync(Func<bool> condition)
    {
        var until = Environment.TickCount64 + 1000;
        while (!condition())
        {
            Assert.True(Environment.TickCount64 < until, "not visible within one second");
            await Task.Delay(20);
        }
    }

    private static async Task WithSqlite(Func<string, Task> scenario)
    {
        using var dir = new TempDirectory();
        await scenario(dir.File("cluster.db"));
    }

    private static async Task WithPostgres(Func<string, Task> scenario)
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        await scenario(db.ConnectionString);
    }
}
