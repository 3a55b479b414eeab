using TreasuryArena.Core.Common;
using TreasuryArena.Core.Fees;
using TreasuryArena.Core.Ledger;
using TreasuryArena.Core.Tokens;
using TreasuryArena.Core.Wallets;
using static TreasuryArena.Core.Tests.Ledger.LedgerTestKit;

namespace TreasuryArena.Core.Tests.Ledger;

public sealed class LedgerServiceTests
{
    [Fact]
    public async Task Buy_ActiveToken_ChargesFeeAndMintsSharesAtNav()
    {
        await using var ledger = LedgerService.InMemory(new LedgerFakeTime());
        var w = await WalletAsync(ledger, "w1", 1000m);
        await TokenAsync(ledger, "ALPHA", nav: 2m);

        var r = await ledger.BuyAsync(w, "ALPHA", Money.Usd(100m), "buy-1");

        Assert.True(r.Accepted, r.Message);
        Assert.Equal(1.00m, r.Fee.Amount);
        Assert.Equal(49.5m, r.Shares.Value);
        Assert.Equal(100m, r.Cash.Amount);
        Assert.Equal(900m, ledger.GetWallet(w)!.Cash.Amount);
        var token = ledger.GetToken("ALPHA")!;
        Assert.Equal(99m, token.GrossAssetValue.Amount);
        Assert.Equal(49.5m, token.Supply.Value);
        Assert.Equal(2m, token.NavPerShare.Value);
        Assert.Equal(1, token.HolderCount);
        Assert.Equal(1m, ledger.Revenue.Amount);
        var h = ledger.GetHolding(w, "ALPHA")!;
        Assert.Equal(100m, h.CostBasis.Amount);
    }

    [Fact]
    public async Task Sell_AfterNavRise_PaysNetProceedsAndRealisesPnl()
    {
        await using var ledger = LedgerService.InMemory(new LedgerFakeTime());
        var w = await WalletAsync(ledger, "w1", 1000m);
        await TokenAsync(ledger, "ALPHA");
        var buy = await ledger.BuyAsync(w, "ALPHA", Money.Usd(101.01m), "buy-1");
        Assert.Equal(100m, buy.Shares.Value);

        Assert.True((await ledger.RevalueAsync("ALPHA", UnitPrice.Of(1.5m), "nav-1")).Accepted);
        var sell = await ledger.SellAsync(w, "ALPHA", Shares.Of(40m), "sell-1");

        Assert.True(sell.Accepted, sell.Message);
        Assert.Equal(0.60m, sell.Fee.Amount);
        Assert.Equal(59.40m, sell.Cash.Amount);
        var h = ledger.GetHolding(w, "ALPHA")!;
        Assert.Equal(60m, h.Shares.Value);
        Assert.Equal(60.61m, h.CostBasis.Amount);
        Assert.Equal(59.40m - 40.40m, h.RealisedPnl.Amount);
        Assert.Equal(90m, ledger.GetToken("ALPHA")!.GrossAssetValue.Amount);
    }

    [Fact]
    public async Task SellAll_LastHolder_EmptiesFundExactly()
    {
        await using var ledger = LedgerService.InMemory(new LedgerFakeTime());
        var w = await WalletAsync(ledger, "w1", 1000m);
        await TokenAsync(ledger, "ALPHA", FeeSchedule.None);
        var buy = await ledger.BuyAsync(w, "ALPHA", Money.Usd(333.33m), "b");
        await ledger.RevalueAsync("ALPHA", UnitPrice.Of(1.23456789m), "n");

        var sell = await ledger.SellAsync(w, "ALPHA", buy.Shares, "s");

        Assert.True(sell.Accepted, sell.Message);
        var t = ledger.GetToken("ALPHA")!;
        Assert.Equal(0m, t.GrossAssetValue.Amount);
        Assert.True(t.Supply.IsZero);
        Assert.Equal(0, t.HolderCount);
    }

    public static TheoryData<decimal, LedgerError> BadDeposits => new()
    {
        { 0m, LedgerError.InvalidAmount },
        { -5m, LedgerError.InvalidAmount },
        { 1.001m, LedgerError.InvalidAmount },
        { 1_000_000_000_001m, LedgerError.InvalidAmount },
    };

    [Theory]
    [MemberData(nameof(BadDeposits))]
    public async Task Deposit_InvalidAmount_RefusedAndNothingChanges(decimal amount, LedgerError expected)
    {
        var journal = new InMemoryLedgerJournal();
        await using var ledger = LedgerService.InMemory(new LedgerFakeTime(), journal);
        var w = await WalletAsync(ledger, "w1", 10m);
        var before = journal.EntryCount;

        var r = await ledger.DepositAsync(w, Money.Usd(amount), "bad");

        Assert.Equal(expected, r.Error);
        Assert.False(r.Accepted);
        Assert.Equal(before, journal.EntryCount);
        Assert.Equal(10m, ledger.GetWallet(w)!.Cash.Amount);
    }

    [Fact]
    public async Task Deposit_OtherCurrency_Refused()
    {
        await using var ledger = LedgerService.InMemory(new LedgerFakeTime());
        var w = await WalletAsync(ledger, "w1");
        var r = await ledger.DepositAsync(w, Money.Of(1m, Currency.Btc), "btc");
        Assert.Equal(LedgerError.InvalidAmount, r.Error);
    }

    [Fact]
    public async Task Operations_TypedRefusals_NothingChanges()
    {
        var journal = new InMemoryLedgerJournal();
        await using var ledger = LedgerService.InMemory(new LedgerFakeTime(), journal);
        var w = await WalletAsync(ledger, "w1", 50m);
        await TokenAsync(ledger, "ALPHA");
        await ledger.CreateTokenAsync("BETA", "Beta", "s", UnitPrice.Of(1m), Inception);
        var entries = journal.EntryCount;
        var balances = ledger.SnapshotBalances();

        Assert.Equal(LedgerError.InsufficientCash, (await ledger.BuyAsync(w, "ALPHA", Money.Usd(50.01m), "k1")).Error);
        Assert.Equal(LedgerError.InsufficientCash, (await ledger.WithdrawAsync(w, Money.Usd(60m), "k2")).Error);
        Assert.Equal(LedgerError.InsufficientShares, (await ledger.SellAsync(w, "ALPHA", Shares.Of(1m), "k3")).Error);
        Assert.Equal(LedgerError.TokenNotTradable, (await ledger.BuyAsync(w, "BETA", Money.Usd(1m), "k4")).Error);
        Assert.Equal(LedgerError.UnknownWallet, (await ledger.BuyAsync("0xnope", "ALPHA", Money.Usd(1m), "k5")).Error);
        Assert.Equal(LedgerError.UnknownToken, (await ledger.BuyAsync(w, "NOPE", Money.Usd(1m), "k6")).Error);
        Assert.Equal(LedgerError.InvalidAmount, (await ledger.SellAsync(w, "ALPHA", Shares.Of(0.000000001m), "k7")).Error);
        Assert.Equal(LedgerError.InvalidRequest, (await ledger.DepositAsync(w, Money.Usd(1m), "")).Error);
        Assert.Equal(LedgerError.DuplicateToken, (await ledger.CreateTokenAsync("ALPHA", "A", "s", UnitPrice.Of(1m), Inception)).Error);
        Assert.Equal(LedgerError.InvalidSymbol, (await ledger.CreateTokenAsync("usd", "A", "s", UnitPrice.Of(1m), Inception)).Error);
        Assert.Equal(LedgerError.IllegalTransition, (await ledger.ChangeTokenStatusAsync("ALPHA", TokenStatus.Proving)).Error);

        Assert.Equal(entries, journal.EntryCount);
        Assert.Equal(balances, ledger.SnapshotBalances());
    }

    [Fact]
    public async Task Buy_PausedToken_RefusedButSellAllowed()
    {
        await using var ledger = LedgerService.InMemory(new LedgerFakeTime());
        var w = await WalletAsync(ledger, "w1", 100m);
        await TokenAsync(ledger, "ALPHA");
        var buy = await ledger.BuyAsync(w, "ALPHA", Money.Usd(50m), "b1");
        await ledger.ChangeTokenStatusAsync("ALPHA", TokenStatus.Paused);

        Assert.Equal(LedgerError.TokenNotTradable, (await ledger.BuyAsync(w, "ALPHA", Money.Usd(10m), "b2")).Error);
        Assert.True((await ledger.SellAsync(w, "ALPHA", buy.Shares, "s1")).Accepted);
    }

    [Fact]
    public async Task Buy_RepeatedKey_ReturnsFirstResultAndChargesOnce()
    {
        await using var ledger = LedgerService.InMemory(new LedgerFakeTime());
        var w = await WalletAsync(ledger, "w1", 100m);
        await TokenAsync(ledger, "ALPHA");

        var first = await ledger.BuyAsync(w, "ALPHA", Money.Usd(10m), "same");
        await ledger.RevalueAsync("ALPHA", UnitPrice.Of(3m), "nav");
        var again = await ledger.BuyAsync(w, "ALPHA", Money.Usd(10m), "same");

        Assert.True(again.Repeated);
        Assert.Equal(first.OperationId, again.OperationId);
        Assert.Equal(first.Shares, again.Shares);
        Assert.Equal(90m, ledger.GetWallet(w)!.Cash.Amount);
    }

    [Fact]
    public async Task CreateWallet_RepeatedKey_SameAddress()
    {
        await using var ledger = LedgerService.InMemory(new LedgerFakeTime());
        var a = await ledger.CreateWalletAsync("org", WalletMode.FullAi, RiskTolerance.Aggressive, "k");
        var b = await ledger.CreateWalletAsync("org", WalletMode.FullAi, RiskTolerance.Aggressive, "k");
        Assert.Equal(a.Address, b.Address);
        Assert.True(b.Repeated);
        Assert.Single(ledger.ListWallets());
        Assert.True(WalletAddress.IsValid(a.Address));
    }

    [Fact]
    public async Task ParallelBuys_OneWallet_NeverOverdrawsNorLosesWrites()
    {
        await using var ledger = LedgerService.InMemory(new LedgerFakeTime());
        var w = await WalletAsync(ledger, "w1", 1000m);
        await TokenAsync(ledger, "ALPHA", FeeSchedule.None);

        var results = await Task.WhenAll(Enumerable.Range(0, 300).Select(i =>
            Task.Run(() => ledger.BuyAsync(w, "ALPHA", Money.Usd(7m), "p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)))));

        var accepted = results.Count(r => r.Accepted);
        Assert.Equal(142, accepted);
        Assert.All(results.Where(r => !r.Accepted), r => Assert.Equal(LedgerError.InsufficientCash, r.Error));
        Assert.Equal(1000m - (7m * accepted), ledger.GetWallet(w)!.Cash.Amount);
        Assert.Equal(7m * accepted, ledger.GetToken("ALPHA")!.Supply.Value);
    }

    [Fact]
    public async Task OpenAsync_AfterOperations_ReplayReproducesState()
    {
        var journal = new InMemoryLedgerJournal();
        IReadOnlyDictionary<BalanceKey, decimal> before;
        string wallet;
        await using (var ledger = LedgerService.InMemory(new LedgerFakeTime(), journal))
        {
            wallet = await WalletAsync(ledger, "w1", 500m);
            await TokenAsync(ledger, "ALPHA");
            await ledger.BuyAsync(wallet, "ALPHA", Money.Usd(120m), "b");
            await ledger.RevalueAsync("ALPHA", UnitPrice.Of(1.1m), "n");
            await ledger.AccrueFeesAsync("ALPHA", new DateOnly(2026, 4, 2), "f");
            await ledger.SellAsync(wallet, "ALPHA", Shares.Of(10m), "s");
            before = ledger.SnapshotBalances();
        }

        await using var reopened = await LedgerService.OpenAsync(journal, new LedgerFakeTime());
        Assert.Equal(before, reopened.SnapshotBalances());
        var again = await reopened.SellAsync(wallet, "ALPHA", Shares.Of(10m), "s");
        Assert.True(again.Repeated);
    }
}
