using TreasuryArena.Core.Common;
using TreasuryArena.Core.Fees;
using TreasuryArena.Core.Ledger;
using TreasuryArena.Core.Tokens;
using TreasuryArena.Core.Wallets;
using static TreasuryArena.Core.Tests.Ledger.LedgerTestKit;

namespace TreasuryArena.Core.Tests.Ledger;

/// <summary>Issue 16, "one price": the worked examples of docs/readme/02-ledger.md.</summary>
public sealed class OnePriceTests
{
    /// <summary>
    /// TRND at the end of the rising demo: supply 0.02628963, GAV $0.03, struck NAV 1.2813259. The old rule showed
    /// 1.2813259 but sold a $1,000 buy 867.55779 shares at GAV / supply = 1.14113436 (12.3% more than the shown NAV
    /// allows). Now the shown NAV, the quote and the execution are one price.
    /// </summary>
    [Fact]
    public async Task Bug_16_DustSupplyBuy_PricedAtTheShownNav()
    {
        await using var ledger = LedgerService.InMemory(new LedgerFakeTime());
        var dust = await WalletAsync(ledger, "dust", 1m);
        var buyer = await WalletAsync(ledger, "buyer", 1_000m);
        await TokenAsync(ledger, "TRND", nav: 1.14113435m);
        Assert.Equal(0.02628963m, (await ledger.BuyAsync(dust, "TRND", Money.Usd(0.03m), "dust")).Shares.Value);
        Assert.True((await ledger.RevalueAsync("TRND", UnitPrice.Of(1.2813259m), "nav")).Accepted);
        var token = ledger.GetToken("TRND")!;
        Assert.Equal(0.03m, token.GrossAssetValue.Amount);
        Assert.Equal(0.02628963m, token.Supply.Value);
        Assert.Equal(1.28128905m, token.NavPerShare.Value);

        var quote = TradeQuote.ForBuy(token, Money.Usd(1_000m));
        var r = await ledger.BuyAsync(buyer, "TRND", Money.Usd(1_000m), "buy");

        Assert.True(r.Accepted, r.Message);
        Assert.Equal(1.28128905m, quote.Nav.Value);
        Assert.Equal(772.65937535m, quote.Shares);
        Assert.Equal(quote.Shares, r.Shares.Value);
        Assert.Equal(10m, r.Fee.Amount);
        var after = ledger.GetToken("TRND")!;
        Assert.Equal(1.28128905m, after.NavPerShare.Value);
        Assert.True(r.Shares.Value * after.NavPerShare.Value <= 990m);

        // The next revaluation to the same NAV moves three cents from the market account, not $121.62.
        Assert.True((await ledger.RevalueAsync("TRND", UnitPrice.Of(1.2813259m), "nav-2")).Accepted);
        Assert.Equal(990.06m, ledger.GetToken("TRND")!.GrossAssetValue.Amount);
    }

    [Fact]
    public async Task Buy_NormalFundAfterRevaluation_PriceIsTheStruckNav()
    {
        await using var ledger = LedgerService.InMemory(new LedgerFakeTime());
        var w = await WalletAsync(ledger, "w", 2_000_000m);
        await TokenAsync(ledger, "ALPHA");
        Assert.Equal(800_000m, (await ledger.BuyAsync(w, "ALPHA", Money.Usd(808_080.80m), "buy")).Shares.Value);
        Assert.True((await ledger.RevalueAsync("ALPHA", UnitPrice.Of(1.25m), "nav")).Accepted);

        var token = ledger.GetToken("ALPHA")!;

        Assert.Equal(1_000_000m, token.GrossAssetValue.Amount);
        Assert.Equal(1.25m, token.NavPerShare.Value);
        Assert.Equal(80m, TradeQuote.ForBuy(token, Money.Usd(101.01m)).Shares);
        Assert.Equal(100m, TradeQuote.ForSell(token, Shares.Of(80m)).Gross.Amount);
    }

    [Fact]
    public async Task Sell_WholeHoldingWorthLessThanACent_BurnsEveryShareForNothing()
    {
        await using var ledger = LedgerService.InMemory(new LedgerFakeTime());
        var w = await WalletAsync(ledger, "w", 10m);
        await TokenAsync(ledger, "ALPHA");
        Assert.Equal(0.99m, (await ledger.BuyAsync(w, "ALPHA", Money.Usd(1m), "buy")).Shares.Value);
        Assert.True((await ledger.SellAsync(w, "ALPHA", Shares.Of(0.989999m), "sell-most")).Accepted);
        var dust = ledger.GetHolding(w, "ALPHA")!.Shares;
        Assert.Equal(0.000001m, dust.Value);

        var partial = await ledger.SellAsync(w, "ALPHA", Shares.Of(0.0000005m), "sell-part");
        Assert.False(partial.Accepted);
        Assert.Equal(LedgerError.InvalidAmount, partial.Error);
        var quote = TradeQuote.ForSell(ledger.GetToken("ALPHA")!, dust, dust);
        Assert.Null(quote.Error);
        Assert.Equal(0m, quote.Gross.Amount);

        var whole = await ledger.SellAsync(w, "ALPHA", dust, "sell-dust");

        Assert.True(whole.Accepted, whole.Message);
        Assert.Equal(0m, whole.Cash.Amount);
        Assert.Equal(dust, whole.Shares);
        Assert.True(ledger.GetHolding(w, "ALPHA")?.Shares.IsZero ?? true);
        var token = ledger.GetToken("ALPHA")!;
        Assert.Equal(0m, token.Supply.Value);
        Assert.Equal(0, token.HolderCount);
    }

    [Fact]
    public async Task Verify_CashlessSaleLeavingShares_IsAViolation()
    {
        var state = new LedgerState();
        var entries = new List<LedgerEntry>();
        var at = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
        void Run(LedgerCommand c)
        {
            var batch = new LedgerBatchBuilder();
            Assert.True(state.Execute(c, at, batch).Accepted, c.ToString());
            entries.AddRange(batch.Build(state).Entries);
        }

        Run(new LedgerCommand.CreateWallet("org", WalletMode.Manual, RiskTolerance.Moderate, "w"));
        var address = WalletAddress.Derive("org", "w");
        Run(new LedgerCommand.CreateToken("ALPHA", "Alpha", "s", UnitPrice.Of(1m), Inception, FeeSchedule.Default));
        Run(new LedgerCommand.ChangeTokenStatus("ALPHA", TokenStatus.Active));
        Run(new LedgerCommand.Deposit(address, Money.Usd(10m), "d"));
        Run(new LedgerCommand.Buy(address, "ALPHA", Money.Usd(1m), "b"));

        // A forged sale: burns half the holding and pays nothing (the ledger only does that for a whole holding).
        var unit = LedgerUnit.SharesOf("ALPHA");
        var (seq, op, prev) = (state.LastSequence + 1, state.LastOperationId + 1, state.LastHash);
        // Dated like the entries before it (issue 19: every entry carries a valuation date).
        var date = entries[^1].ValuationDate;
        var hash = EntryHasher.Compute(seq, op, LedgerOperationKind.Sell, "forged", EntryKind.Burn, "", unit, LedgerAccount.Wallet(address), LedgerAccount.Issuance("ALPHA"), 0.5m, at, prev, date);
        entries.Add(new LedgerEntry(seq, op, LedgerOperationKind.Sell, "forged", EntryKind.Burn, "", unit, LedgerAccount.Wallet(address), LedgerAccount.Issuance("ALPHA"), 0.5m, at, prev, hash) { ValuationDate = date });
        var balances = new Dictionary<BalanceKey, decimal>(state.Balances)
        {
            [new BalanceKey(LedgerAccount.Wallet(address), unit)] = 0.49m,
            [new BalanceKey(LedgerAccount.Issuance("ALPHA"), unit)] = -0.49m,
        };
        var journal = new InMemoryLedgerJournal();
        await journal.AppendAsync(new LedgerBatch(entries, balances, [.. state.Tokens.Values], [.. state.Wallets.Values]), CancellationToken.None);

        var verification = await LedgerVerifier.VerifyAsync(journal);

        var violation = Assert.Single(verification.Violations);
        Assert.Equal("operation", violation.What);
        Assert.Contains("must close the holding", violation.Detail, StringComparison.Ordinal);
    }
}
