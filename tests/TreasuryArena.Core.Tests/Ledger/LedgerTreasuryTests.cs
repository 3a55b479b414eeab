using TreasuryArena.Core.Common;
using TreasuryArena.Core.Ledger;

namespace TreasuryArena.Core.Tests.Ledger;

public sealed class LedgerTreasuryTests
{
    private const string Org = "arena";

    private static LedgerCommand.TreasuryTrade Trade(OrderSide side, decimal quantity, decimal price, decimal notional, string key, decimal fee = 0.50m, decimal slippage = 0.25m, string asset = "BTC") =>
        new(Org, asset, "paper", side, quantity, price, Money.Usd(notional), Money.Usd(fee), Money.Usd(slippage), key);

    private static async Task<(LedgerService Ledger, InMemoryLedgerJournal Journal)> FundedAsync(decimal capital = 1_000m)
    {
        var journal = new InMemoryLedgerJournal();
        var ledger = LedgerService.InMemory(new LedgerFakeTime(), journal);
        Assert.True((await ledger.TreasuryDepositAsync(Org, Money.Usd(capital), "capital")).Accepted);
        return (ledger, journal);
    }

    private static decimal Balance(LedgerService ledger, LedgerAccount account, LedgerUnit unit) =>
        ledger.SnapshotBalances().GetValueOrDefault(new BalanceKey(account, unit));

    private static async Task AssertVerifiesAsync(InMemoryLedgerJournal journal)
    {
        var v = await LedgerVerifier.VerifyAsync(journal);
        Assert.True(v.Ok, string.Join("; ", v.Violations.Select(x => $"{x.What} {x.Where}: {x.Detail}")));
    }

    [Fact]
    public async Task TreasuryTrade_Buy_PaysNotionalAndCostsAndReceivesUnitsFromTheVenue()
    {
        var (ledger, journal) = await FundedAsync();
        await using var _ = ledger;

        var r = await ledger.TreasuryTradeAsync(Trade(OrderSide.Buy, 0.01m, 50_000m, 500m, "buy-1"));

        Assert.True(r.Accepted, r.Message);
        var view = ledger.GetTreasury(Org)!;
        Assert.Equal(499.25m, view.Cash);
        var btc = Assert.Single(view.Positions);
        Assert.Equal(("BTC", "paper", 0.01m, 500m, 500.75m), (btc.Asset, btc.Venue, btc.Units, btc.CarryingValue, btc.CostBasis));
        Assert.Equal(0.75m, Balance(ledger, LedgerAccount.VenueFees, LedgerUnit.Usd));
        Assert.Equal(-0.01m, Balance(ledger, LedgerAccount.Venue("paper"), LedgerUnit.Asset("BTC")));
        await AssertVerifiesAsync(journal);
    }

    [Fact]
    public async Task TreasuryTrade_SellAfterPriceRise_MarksFirstThenPaysProceeds()
    {
        var (ledger, journal) = await FundedAsync();
        await using var _ = ledger;
        await ledger.TreasuryTradeAsync(Trade(OrderSide.Buy, 0.01m, 50_000m, 500m, "buy-1"));

        var r = await ledger.TreasuryTradeAsync(Trade(OrderSide.Sell, 0.004m, 60_000m, 240m, "sell-1"));

        Assert.True(r.Accepted, r.Message);
        var view = ledger.GetTreasury(Org)!;
        Assert.Equal(499.25m + 240m - 0.75m, view.Cash);
        var btc = Assert.Single(view.Positions);
        Assert.Equal(0.006m, btc.Units);
        Assert.Equal(600m - 240m, btc.CarryingValue); // marked to 0.01 × 60,000 first, then 240 out
        Assert.Equal(Math.Round(500.75m * 0.6m, 2, MidpointRounding.ToEven), btc.CostBasis);
        Assert.Equal(-100m, Balance(ledger, LedgerAccount.TreasuryMarket(Org), LedgerUnit.Usd));
        await AssertVerifiesAsync(journal);
    }

    [Fact]
    public async Task TreasuryTrade_SellEverything_ClosesThePositionWithNoValueLeft()
    {
        var (ledger, journal) = await FundedAsync();
        await using var _ = ledger;
        await ledger.TreasuryTradeAsync(Trade(OrderSide.Buy, 0.0123456789m, 40_000.5m, 493.84m, "buy-1"));

        var r = await ledger.TreasuryTradeAsync(Trade(OrderSide.Sell, 0.0123456789m, 41_111.11m, 507.54m, "sell-all"));

        Assert.True(r.Accepted, r.Message);
        Assert.Empty(ledger.GetTreasury(Org)!.Positions);
        Assert.Equal(0m, Balance(ledger, LedgerAccount.TreasuryPosition(Org, "BTC"), LedgerUnit.Usd));
        Assert.Equal(0m, Balance(ledger, LedgerAccount.Venue("paper"), LedgerUnit.Asset("BTC")));
        await AssertVerifiesAsync(journal);
    }

    [Fact]
    public async Task TreasuryRevalue_YieldIndexRises_AccruesAgainstTheMarketAccount()
    {
        var (ledger, journal) = await FundedAsync();
        await using var _ = ledger;
        await ledger.TreasuryTradeAsync(Trade(OrderSide.Buy, 500m, 1m, 500m, "buy-aave", asset: "aave-usdc") with { Venue = "aave" });

        var r = await ledger.TreasuryRevalueAsync(Org, "AAVE-USDC", 1.0123456789m, isYield: true, "accrue-1");

        Assert.True(r.Accepted, r.Message);
        var aave = Assert.Single(ledger.GetTreasury(Org)!.Positions);
        Assert.Equal(("AAVE-USDC", "aave", 506.17m), (aave.Asset, aave.Venue, aave.CarryingValue));
        var entries = new List<LedgerEntry>();
        await foreach (var e in journal.ReadEntriesAsync(CancellationToken.None))
        {
            entries.Add(e);
        }

        var mark = entries[^1];
        Assert.Equal((EntryKind.Mark, TreasuryNames.YieldMemo, 6.17m), (mark.Kind, mark.Memo, mark.Amount));
        Assert.Equal(LedgerAccount.TreasuryMarket(Org), mark.From);
        await AssertVerifiesAsync(journal);
    }

    public static TheoryData<LedgerCommand, LedgerError> Refusals => new()
    {
        { Trade(OrderSide.Buy, 0.1m, 50_000m, 5_000m, "too-big"), LedgerError.InsufficientCash },
        { Trade(OrderSide.Sell, 0.02m, 50_000m, 1_000m, "oversell"), LedgerError.InsufficientShares },
        { Trade(OrderSide.Buy, 0.01m, 50_000m, 501m, "off-price"), LedgerError.InvalidAmount },
        { Trade(OrderSide.Buy, 0.00000000001m, 50_000m, 0.01m, "too-fine"), LedgerError.InvalidAmount },
        { Trade(OrderSide.Buy, 0.001m, 50_000m, 50m, "neg-fee", fee: -1m), LedgerError.InvalidAmount },
        { Trade(OrderSide.Buy, 0.001m, 50_000m, 50m, "cash", asset: "CASH"), LedgerError.InvalidRequest },
        { Trade(OrderSide.Buy, 0.001m, 50_000m, 50m, ""), LedgerError.InvalidRequest },
        { Trade(OrderSide.Buy, 0.001m, 50_000m, 50m, "other") with { Organisation = "nobody" }, LedgerError.UnknownWallet },
        { new LedgerCommand.TreasuryRevalue(Org, "BTC", 0m, false, "zero-price"), LedgerError.InvalidAmount },
        { new LedgerCommand.TreasuryDeposit("Bad Org", Money.Usd(1m), "bad-org"), LedgerError.InvalidRequest },
        { new LedgerCommand.TreasuryDeposit(Org, Money.Usd(0.001m), "sub-cent"), LedgerError.InvalidAmount },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task TreasuryCommand_Invalid_IsRefusedAndChangesNothing(LedgerCommand command, LedgerError error)
    {
        var (ledger, journal) = await FundedAsync();
        await using var _ = ledger;
        await ledger.TreasuryTradeAsync(Trade(OrderSide.Buy, 0.01m, 50_000m, 500m, "buy-1"));
        var balances = ledger.SnapshotBalances();
        var head = ledger.Head;
        var view = ledger.GetTreasury(Org);

        var r = await ledger.ExecuteAsync(command);

        Assert.False(r.Accepted);
        Assert.Equal(error, r.Error);
        Assert.Equal(balances, ledger.SnapshotBalances());
        Assert.Equal(head, ledger.Head);
        Assert.Equivalent(view, ledger.GetTreasury(Org), strict: true);
        await AssertVerifiesAsync(journal);
    }

    [Fact]
    public async Task TreasuryTrade_SameKeyTwice_RepeatsTheFirstResultAndMovesNothing()
    {
        var (ledger, journal) = await FundedAsync();
        await using var _ = ledger;
        var first = await ledger.TreasuryTradeAsync(Trade(OrderSide.Buy, 0.01m, 50_000m, 500m, "buy-1"));
        var balances = ledger.SnapshotBalances();

        var again = await ledger.TreasuryTradeAsync(Trade(OrderSide.Buy, 0.01m, 50_000m, 500m, "buy-1"));
        var deposit = await ledger.TreasuryDepositAsync(Org, Money.Usd(1_000m), "capital");

        Assert.True(again.Repeated);
        Assert.Equal(first.OperationId, again.OperationId);
        Assert.True(deposit.Repeated);
        Assert.Equal(balances, ledger.SnapshotBalances());
        Assert.Equal(499.25m, ledger.GetTreasury(Org)!.Cash);
        await AssertVerifiesAsync(journal);
    }

    [Fact]
    public async Task Replay_TreasuryEntries_RebuildsCashUnitsValueAndCostBasis()
    {
        var (ledger, journal) = await FundedAsync(10_000m);
        await ledger.TreasuryTradeAsync(Trade(OrderSide.Buy, 0.1m, 50_000m, 5_000m, "buy-1", fee: 5m, slippage: 2.5m));
        await ledger.TreasuryTradeAsync(Trade(OrderSide.Sell, 0.03m, 45_000m, 1_350m, "sell-1", fee: 1.35m, slippage: 0.67m));
        await ledger.TreasuryRevalueAsync(Org, "BTC", 47_000.12345678m, false, "mark-1");
        var before = ledger.GetTreasury(Org);
        await ledger.DisposeAsync();

        await using var reopened = await LedgerService.OpenAsync(journal, new LedgerFakeTime());

        Assert.Equivalent(before, reopened.GetTreasury(Org), strict: true);
        await AssertVerifiesAsync(journal);
    }
}
