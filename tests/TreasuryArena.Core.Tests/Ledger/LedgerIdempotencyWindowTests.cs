using TreasuryArena.Core.Common;
using TreasuryArena.Core.Fees;
using TreasuryArena.Core.Ledger;
using static TreasuryArena.Core.Tests.Ledger.LedgerTestKit;

namespace TreasuryArena.Core.Tests.Ledger;

/// <summary>
/// The ledger remembers an idempotency key for a fixed window after its operation, live and after a restart;
/// server-generated once keys are never remembered; the memory holds at most one window of operations.
/// </summary>
public sealed class LedgerIdempotencyWindowTests
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task RepeatInsideTheWindow_ReturnsTheFirstResult_AndMovesNothing()
    {
        var time = new LedgerFakeTime();
        var (ledger, w) = await TradingLedgerAsync(time, 1_000m);
        await using var owned = ledger;
        var first = await ledger.BuyAsync(w, "ALPHA", Money.Usd(100m), "k1");
        Assert.True(first.Accepted, first.Message);

        time.Advance(Window - TimeSpan.FromTicks(10));
        var repeat = await ledger.BuyAsync(w, "ALPHA", Money.Usd(100m), "k1");

        Assert.True(repeat.Repeated);
        Assert.Equal(first with { Repeated = true }, repeat);
        Assert.Equal(900m, ledger.GetWallet(w)!.Cash.Amount);
    }

    [Fact]
    public async Task KeyAfterTheWindow_IsNewAgain_AndIsForgotten()
    {
        var time = new LedgerFakeTime();
        var (ledger, w) = await TradingLedgerAsync(time, 1_000m);
        await using var owned = ledger;
        var first = await ledger.BuyAsync(w, "ALPHA", Money.Usd(100m), "k1");
        var keysAfterFirst = ledger.RememberedKeys;

        time.Advance(Window);
        var again = await ledger.BuyAsync(w, "ALPHA", Money.Usd(100m), "k1");

        Assert.True(again.Accepted, again.Message);
        Assert.False(again.Repeated);
        Assert.NotEqual(first.OperationId, again.OperationId);
        Assert.Equal(800m, ledger.GetWallet(w)!.Cash.Amount);

        // The wallet's deposit and the first buy have expired; only the second k1 is remembered.
        Assert.Equal(2, keysAfterFirst);
        Assert.Equal(1, ledger.RememberedKeys);
        Assert.True((await ledger.BuyAsync(w, "ALPHA", Money.Usd(100m), "k1")).Repeated);
    }

    [Fact]
    public async Task OnceKeys_AreNeverRemembered()
    {
        var time = new LedgerFakeTime();
        var (ledger, w) = await TradingLedgerAsync(time, 1_000m);
        await using var owned = ledger;
        var before = ledger.RememberedKeys;

        var buys = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => ledger.BuyAsync(w, "ALPHA", Money.Usd(1m), IdempotencyMemory.OnceKeyPrefix + i)));

        Assert.All(buys, b => Assert.True(b.Accepted, b.Message));
        Assert.Equal(before, ledger.RememberedKeys);
        Assert.Equal(950m, ledger.GetWallet(w)!.Cash.Amount);
    }

    [Fact]
    public async Task Memory_HoldsAtMostOneWindowOfOperations()
    {
        var time = new LedgerFakeTime();
        var (ledger, w) = await TradingLedgerAsync(time, 100_000m);
        await using var owned = ledger;

        // 60 minutes of buys, 20 a minute: at any moment at most 10 minutes (200 keys) are remembered.
        var most = 0;
        for (var minute = 0; minute < 60; minute++)
        {
            for (var i = 0; i < 20; i++)
            {
                Assert.True((await ledger.BuyAsync(w, "ALPHA", Money.Usd(1m), $"m{minute}:{i}")).Accepted);
            }

            most = Math.Max(most, ledger.RememberedKeys);
            time.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.InRange(most, 200, 202);
    }

    [Fact]
    public async Task Restart_RebuildsTheSameStateAndTheSameRememberedKeys_AndTheChainVerifies()
    {
        var time = new LedgerFakeTime();
        var journal = new InMemoryLedgerJournal();
        string w;
        LedgerResult recent;
        IReadOnlyDictionary<BalanceKey, decimal> balances;
        int remembered;
        await using (var ledger = LedgerService.InMemory(time, journal, Window))
        {
            w = await WalletAsync(ledger, "w1", 1_000m);
            await TokenAsync(ledger, "ALPHA");
            Assert.True((await ledger.BuyAsync(w, "ALPHA", Money.Usd(100m), "old")).Accepted);
            time.Advance(TimeSpan.FromMinutes(6));
            recent = await ledger.BuyAsync(w, "ALPHA", Money.Usd(50m), "recent");
            Assert.True((await ledger.SellAsync(w, "ALPHA", Shares.Of(10m), "sell")).Accepted);
            Assert.True((await ledger.BuyAsync(w, "ALPHA", Money.Usd(5m), IdempotencyMemory.OnceKeyPrefix + "x")).Accepted);
            time.Advance(TimeSpan.FromMinutes(5));

            // "old" (and the deposit) were 11 minutes ago: expired; "recent" and "sell" 5 minutes ago: remembered.
            Assert.False((await ledger.BuyAsync(w, "ALPHA", Money.Usd(1m), "probe")).Repeated);
            balances = ledger.SnapshotBalances();
            remembered = ledger.RememberedKeys;
        }

        await using var reopened = await LedgerService.OpenAsync(journal, time, idempotencyWindow: Window);

        Assert.Equal(remembered, reopened.RememberedKeys);
        Assert.Equal(3, reopened.RememberedKeys);
        Assert.Equal(balances.OrderBy(kv => kv.Key.ToString()), reopened.SnapshotBalances().OrderBy(kv => kv.Key.ToString()));
        Assert.Equal(recent with { Repeated = true }, await reopened.BuyAsync(w, "ALPHA", Money.Usd(50m), "recent"));
        var old = await reopened.BuyAsync(w, "ALPHA", Money.Usd(100m), "old");
        Assert.True(old.Accepted && !old.Repeated, old.Message);

        var verification = await LedgerVerifier.VerifyAsync(journal);
        Assert.True(verification.Ok, string.Join("; ", verification.Violations.Select(v => v.Detail)));
    }

    [Fact]
    public async Task NavStepKeys_OutliveTheWindow_SoADateSteppedAgainHandsNoFeesBack()
    {
        // A process that stops after the ledger's commit of a NAV step and before its NAV row is stored steps the date
        // again at its next start, perhaps days later: the revalue to the pre-fee NAV must not undo the fees just taken.
        var time = new LedgerFakeTime();
        await using var ledger = LedgerService.InMemory(time, idempotencyWindow: Window);
        var w = await WalletAsync(ledger, "w1", 20_000m);
        await TokenAsync(ledger, "ALPHA", new FeeSchedule(0m, 0.01m, 0.10m, CrystallisationSchedule.Quarterly));
        Assert.True((await ledger.BuyAsync(w, "ALPHA", Money.Usd(10_000m), "buy")).Accepted);
        var date = new DateOnly(2026, 4, 1);
        const string navKey = IdempotencyMemory.NavKeyPrefix + "ALPHA:2026-04-01";
        const string feesKey = IdempotencyMemory.NavFeesKeyPrefix + "ALPHA:2026-04-01";
        Assert.True((await ledger.RevalueAsync("ALPHA", UnitPrice.Of(1.2m), navKey)).Accepted);
        var fees = await ledger.AccrueFeesAsync("ALPHA", date, feesKey);
        Assert.Equal(197.04m, fees.PerformanceFee.Amount);
        var balances = ledger.SnapshotBalances();
        var nav = ledger.GetToken("ALPHA")!.NavPerShare;

        time.Advance(TimeSpan.FromDays(3));
        var revalueAgain = await ledger.RevalueAsync("ALPHA", UnitPrice.Of(1.2m), navKey);
        var feesAgain = await ledger.AccrueFeesAsync("ALPHA", date, feesKey);

        Assert.True(revalueAgain.Repeated);
        Assert.Equal(fees with { Repeated = true }, feesAgain);
        Assert.Equal(nav, ledger.GetToken("ALPHA")!.NavPerShare);
        Assert.Equal(balances.OrderBy(kv => kv.Key.ToString()), ledger.SnapshotBalances().OrderBy(kv => kv.Key.ToString()));

        // The daily fee job's key expires with the window; its run for a date already accrued takes nothing.
        var job = await ledger.AccrueFeesAsync("ALPHA", date, "job:fees:ALPHA:2026-04-01");
        Assert.True(job.Accepted && !job.Repeated, job.Message);
        Assert.Equal(0m, job.ManagementFee.Amount + job.PerformanceFee.Amount);
        Assert.Equal(balances.OrderBy(kv => kv.Key.ToString()), ledger.SnapshotBalances().OrderBy(kv => kv.Key.ToString()));
        Assert.False((await ledger.BuyAsync(w, "ALPHA", Money.Usd(1m), "buy")).Repeated);

        // They too end: after the NAV step's window the date's keys are forgotten.
        time.Advance(IdempotencyMemory.LongLivedWindow);
        Assert.False((await ledger.AccrueFeesAsync("ALPHA", date, feesKey)).Repeated);
    }

    [Fact]
    public async Task HoldReleaseKeys_OutliveTheWindow_SoAHoldReleasedAgainTradesOnce()
    {
        // The hold's released status is stored after the trade; a hold left open by a stop in between may be released
        // again days later, and that must repeat the first trade, not make a second.
        var time = new LedgerFakeTime();
        var (ledger, w) = await TradingLedgerAsync(time, 1_000m);
        await using var owned = ledger;
        const string release = IdempotencyMemory.HoldReleaseKeyPrefix + "6f1c2a";
        var first = await ledger.BuyAsync(w, "ALPHA", Money.Usd(300m), release);
        Assert.True(first.Accepted, first.Message);

        time.Advance(TimeSpan.FromDays(5));
        Assert.Equal(first with { Repeated = true }, await ledger.BuyAsync(w, "ALPHA", Money.Usd(300m), release));
        Assert.Equal(700m, ledger.GetWallet(w)!.Cash.Amount);
    }

    [Fact]
    public async Task NavStepKeys_AreRememberedAfterARestart()
    {
        var time = new LedgerFakeTime();
        var journal = new InMemoryLedgerJournal();
        await using (var ledger = LedgerService.InMemory(time, journal, Window))
        {
            var w = await WalletAsync(ledger, "w1", 1_000m);
            await TokenAsync(ledger, "ALPHA");
            Assert.True((await ledger.BuyAsync(w, "ALPHA", Money.Usd(100m), "buy")).Accepted);
            Assert.True((await ledger.RevalueAsync("ALPHA", UnitPrice.Of(1.1m), IdempotencyMemory.NavKeyPrefix + "ALPHA:2026-04-01")).Accepted);
        }

        time.Advance(TimeSpan.FromDays(30));
        await using var reopened = await LedgerService.OpenAsync(journal, time, idempotencyWindow: Window);

        Assert.Equal(1, reopened.RememberedKeys);
        Assert.True((await reopened.RevalueAsync("ALPHA", UnitPrice.Of(1.1m), IdempotencyMemory.NavKeyPrefix + "ALPHA:2026-04-01")).Repeated);
    }

    /// <summary>An in-memory ledger with the test's window, one wallet holding <paramref name="cash"/> and token ALPHA.</summary>
    private static async Task<(LedgerService Ledger, string Wallet)> TradingLedgerAsync(LedgerFakeTime time, decimal cash)
    {
        var ledger = LedgerService.InMemory(time, idempotencyWindow: Window);
        var w = await WalletAsync(ledger, "w1", cash);
        await TokenAsync(ledger, "ALPHA");
        return (ledger, w);
    }
}
