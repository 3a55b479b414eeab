using TreasuryArena.Core.Common;
using TreasuryArena.Core.Fees;
using TreasuryArena.Core.Ledger;
using TreasuryArena.Core.MarketData;
using TreasuryArena.Core.Tokens;
using TreasuryArena.Core.Wallets;

namespace TreasuryArena.Core.Tests.Ledger;

/// <summary>Issue 19: every ledger entry carries the business date it was priced at beside its wall-clock instant.</summary>
public sealed class ValuationDateTests
{
    // The wall clock is in December; the shipped prices end in February (the platform date) and the token's NAV is older.
    private static readonly DateTimeOffset Wall = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly PlatformDate = new(2026, 2, 22);
    private static readonly DateOnly NavDate = new(2025, 10, 12);

    private static async Task<(LedgerService Ledger, InMemoryLedgerJournal Journal, string Address)> OpenAsync()
    {
        var time = new LedgerFakeTime(Wall);
        var journal = new InMemoryLedgerJournal();
        var ledger = LedgerService.InMemory(time, journal);
        ledger.BusinessClock = BusinessClock.History(PlatformDate, time);
        var address = (await ledger.CreateWalletAsync("org", WalletMode.Manual, RiskTolerance.Moderate, "w")).Address!;
        Assert.True((await ledger.CreateTokenAsync("ALPHA", "Alpha", "s", UnitPrice.Of(1m), new DateOnly(2025, 10, 1), FeeSchedule.Default)).Accepted);
        Assert.True((await ledger.ChangeTokenStatusAsync("ALPHA", TokenStatus.Active)).Accepted);
        return (ledger, journal, address);
    }

    private static async Task<List<LedgerEntry>> EntriesAsync(InMemoryLedgerJournal journal)
    {
        var list = new List<LedgerEntry>();
        await foreach (var e in journal.ReadEntriesAsync(CancellationToken.None))
        {
            list.Add(e);
        }

        return list;
    }

    [Fact]
    public async Task Bug_19_Deposit_CarriesThePlatformDate_AndTheWallClockInstant()
    {
        var (ledger, journal, address) = await OpenAsync();
        await using var _ = ledger;

        Assert.True((await ledger.DepositAsync(address, Money.Usd(1_000m), "d")).Accepted);

        var deposit = Assert.Single(await EntriesAsync(journal), e => e.Kind == EntryKind.Deposit);
        Assert.Equal(PlatformDate, deposit.ValuationDate);
        Assert.Equal(Wall, deposit.At);
    }

    [Fact]
    public async Task Bug_19_BuyAndSell_CarryTheDateOfTheTokensNav_NotTheWallClock()
    {
        var (ledger, journal, address) = await OpenAsync();
        await using var _ = ledger;
        Assert.True((await ledger.DepositAsync(address, Money.Usd(1_000m), "d")).Accepted);
        // The NAV step of NavDate: revalue (dated by the engine), then the fees of the NAV day.
        Assert.True((await ledger.ExecuteAsync(new LedgerCommand.Revalue("ALPHA", UnitPrice.Of(1.1m), "nav") { ValuationDate = NavDate })).Accepted);
        Assert.True((await ledger.AccrueFeesAsync("ALPHA", NavDate, "fees")).Accepted);

        Assert.True((await ledger.BuyAsync(address, "ALPHA", Money.Usd(500m), "b")).Accepted);
        var shares = ledger.GetHolding(address, "ALPHA")!.Shares;
        Assert.True((await ledger.SellAsync(address, "ALPHA", shares, "s")).Accepted);

        var entries = await EntriesAsync(journal);
        Assert.All(entries.Where(e => e.Operation is LedgerOperationKind.Buy or LedgerOperationKind.Sell or LedgerOperationKind.Revalue or LedgerOperationKind.AccrueFees),
            e => Assert.Equal(NavDate, e.ValuationDate));
        Assert.Contains(entries, e => e.Operation == LedgerOperationKind.Buy);
        Assert.All(entries, e => Assert.Equal(Wall, e.At));
        Assert.True((await LedgerVerifier.VerifyAsync(journal)).Ok);
    }

    [Fact]
    public void Bug_19_Hash_FormTwoCoversTheValuationDate_FormOneIsUnchanged()
    {
        var at = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        string Hash(DateOnly? date) => EntryHasher.Compute(1, 1, LedgerOperationKind.Deposit, "k", EntryKind.Deposit, "", LedgerUnit.Usd,
            LedgerAccount.External, LedgerAccount.Wallet("w"), 10m, at, EntryHasher.Genesis, date);

        // Form 1 (entries before migration 0430) is the hash those entries were written with.
        Assert.Equal(Hash(null), EntryHasher.Compute(1, 1, LedgerOperationKind.Deposit, "k", EntryKind.Deposit, "", LedgerUnit.Usd,
            LedgerAccount.External, LedgerAccount.Wallet("w"), 10m, at, EntryHasher.Genesis));
        Assert.NotEqual(Hash(null), Hash(new DateOnly(2025, 1, 1)));
        Assert.NotEqual(Hash(new DateOnly(2025, 1, 1)), Hash(new DateOnly(2025, 1, 2)));
    }

    [Fact]
    public async Task Bug_19_Verify_OldEntriesThenNewOnes_IsGreen_AStrippedOrChangedDateIsNot()
    {
        var (ledger, journal, address) = await OpenAsync();
        await using var _ = ledger;
        Assert.True((await ledger.DepositAsync(address, Money.Usd(1_000m), "d1")).Accepted);
        Assert.True((await ledger.DepositAsync(address, Money.Usd(2_000m), "d2")).Accepted);
        Assert.True((await ledger.WithdrawAsync(address, Money.Usd(500m), "w1")).Accepted);
        var entries = await EntriesAsync(journal);

        // The first two operations as an old journal holds them: no valuation date, hashed in form 1, chained.
        var prev = EntryHasher.Genesis;
        var mixed = new List<LedgerEntry>();
        foreach (var e in entries)
        {
            var old = e.Sequence <= 2;
            var date = old ? null : e.ValuationDate;
            var hash = EntryHasher.Compute(e.Sequence, e.OperationId, e.Operation, e.IdempotencyKey, e.Kind, e.Memo, e.Unit, e.From, e.To, e.Amount, e.At, prev, date);
            mixed.Add(e with { PreviousHash = prev, Hash = hash, ValuationDate = date });
            prev = hash;
        }

        var balances = ledger.SnapshotBalances();
        var snapshot = await journal.LoadAsync(CancellationToken.None);
        async Task<LedgerVerification> VerifyAsync(IReadOnlyList<LedgerEntry> list)
        {
            var j = new InMemoryLedgerJournal();
            await j.AppendAsync(new LedgerBatch([.. list], balances, snapshot.Tokens, snapshot.Wallets), CancellationToken.None);
            return await LedgerVerifier.VerifyAsync(j);
        }

        Assert.True((await VerifyAsync(mixed)).Ok);

        var changed = mixed.Select(e => e.Sequence == 3 ? e with { ValuationDate = new DateOnly(2026, 2, 1) } : e).ToList();
        Assert.Contains((await VerifyAsync(changed)).Violations, v => v.What == "hash");

        var stripped = mixed.Select(e => e.Sequence == 3 ? e with { ValuationDate = null } : e).ToList();
        Assert.Contains((await VerifyAsync(stripped)).Violations, v => v.What is "hash" or "valuation_date");
    }
}
