using TreasuryArena.Core.Common;
using TreasuryArena.Core.Ledger;
using static TreasuryArena.Core.Tests.Ledger.LedgerTestKit;

namespace TreasuryArena.Core.Tests.Ledger;

/// <summary>The daily-trades rule's count lives in the ledger state: committed buys and sells per wallet per UTC day.</summary>
public sealed class LedgerTradeCountTests
{
    [Fact]
    public async Task TradesOn_CountsCommittedBuysAndSellsOfThatDay_NotRefusalsRepeatsOrDeposits()
    {
        var time = new LedgerFakeTime();
        await using var ledger = LedgerService.InMemory(time);
        var w = await WalletAsync(ledger, "w1", 1_000m);
        var other = await WalletAsync(ledger, "w2", 1_000m);
        await TokenAsync(ledger, "ALPHA");
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

        Assert.True((await ledger.BuyAsync(w, "ALPHA", Money.Usd(10m), "b1")).Accepted);
        Assert.True((await ledger.BuyAsync(w, "ALPHA", Money.Usd(10m), "b1")).Repeated);
        Assert.False((await ledger.BuyAsync(w, "ALPHA", Money.Usd(5_000m), "b2")).Accepted);
        Assert.True((await ledger.SellAsync(w, "ALPHA", Shares.Of(1m), "s1")).Accepted);
        Assert.True((await ledger.DepositAsync(w, Money.Usd(1m), "d1")).Accepted);

        Assert.Equal(2, ledger.TradesOn(w, today));
        Assert.Equal(0, ledger.TradesOn(other, today));
        Assert.Equal(0, ledger.TradesOn(w, today.AddDays(-1)));
    }

    [Fact]
    public async Task TradesOn_NewUtcDay_StartsAtZero()
    {
        var time = new LedgerFakeTime(new DateTimeOffset(2026, 1, 5, 23, 59, 0, TimeSpan.Zero));
        await using var ledger = LedgerService.InMemory(time);
        var w = await WalletAsync(ledger, "w1", 1_000m);
        await TokenAsync(ledger, "ALPHA");
        Assert.True((await ledger.BuyAsync(w, "ALPHA", Money.Usd(10m), "b1")).Accepted);

        time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(0, ledger.TradesOn(w, new DateOnly(2026, 1, 6)));
        Assert.True((await ledger.BuyAsync(w, "ALPHA", Money.Usd(10m), "b2")).Accepted);

        Assert.Equal(1, ledger.TradesOn(w, new DateOnly(2026, 1, 6)));
        Assert.Equal(0, ledger.TradesOn(w, new DateOnly(2026, 1, 5)));
    }

    [Fact]
    public async Task TradesOn_AfterRestart_IsRebuiltFromTheJournal()
    {
        var time = new LedgerFakeTime();
        var journal = new InMemoryLedgerJournal();
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        string w;
        await using (var ledger = LedgerService.InMemory(time, journal))
        {
            w = await WalletAsync(ledger, "w1", 1_000m);
            await TokenAsync(ledger, "ALPHA");
            var buys = await Task.WhenAll(Enumerable.Range(0, 7).Select(i => ledger.BuyAsync(w, "ALPHA", Money.Usd(10m), "b" + i)));
            Assert.All(buys, b => Assert.True(b.Accepted, b.Message));
        }

        await using var reopened = await LedgerService.OpenAsync(journal, time);
        Assert.Equal(7, reopened.TradesOn(w, today));
        Assert.True((await reopened.SellAsync(w, "ALPHA", Shares.Of(1m), "s1")).Accepted);
        Assert.Equal(8, reopened.TradesOn(w, today));
    }
}
