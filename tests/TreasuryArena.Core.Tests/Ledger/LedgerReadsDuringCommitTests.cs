using TreasuryArena.Core.Common;
using TreasuryArena.Core.Ledger;
using TreasuryArena.Core.Ports;
using static TreasuryArena.Core.Tests.Ledger.LedgerTestKit;

namespace TreasuryArena.Core.Tests.Ledger;

/// <summary>Reads never wait for a commit's I/O; callers are answered only after it; a failed commit is rolled back.</summary>
public sealed class LedgerReadsDuringCommitTests
{
    [Fact]
    public async Task GetWallet_WhileCommitInFlight_ReturnsWithoutWaitingAndCallerWaitsForTheCommit()
    {
        var journal = new GatedJournal();
        await using var ledger = await LedgerService.OpenAsync(journal, new LedgerFakeTime());
        var w = await WalletAsync(ledger, "w1", 1000m);
        await TokenAsync(ledger, "ALPHA", nav: 2m);

        journal.Hold();
        var buy = ledger.BuyAsync(w, "ALPHA", Money.Usd(100m), "buy-1");
        await journal.Entered.Task.WaitAsync(TimeSpan.FromSeconds(10));

        // The batch is being written: readers do not block on it (they may already see it), its caller is not answered.
        var read = Task.Run(() => (ledger.GetWallet(w)!.Cash.Amount, ledger.GetToken("ALPHA")!.Supply.Value, ledger.ListTokens().Single().HolderCount));
        var (cash, supply, holders) = await read.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(cash is 1000m or 900m, $"cash {cash}");
        Assert.True(supply is 0m or 49.5m, $"supply {supply}");
        Assert.InRange(holders, 0, 1);
        await Task.Delay(50);
        Assert.False(buy.IsCompleted);

        journal.Release();
        Assert.True((await buy).Accepted);
        Assert.Equal(900m, ledger.GetWallet(w)!.Cash.Amount);
        Assert.Equal(49.5m, ledger.GetToken("ALPHA")!.Supply.Value);
        Assert.Equal(1, ledger.ListTokens().Single().HolderCount);
        Assert.Equal(49.5m, ledger.GetWallet(w)!.Holdings.Single().Shares.Value);
    }

    [Fact]
    public async Task GetWallet_AfterFailedCommit_ShowsTheCommittedStateAgain()
    {
        var journal = new GatedJournal();
        await using var ledger = await LedgerService.OpenAsync(journal, new LedgerFakeTime());
        var w = await WalletAsync(ledger, "w1", 1000m);
        await TokenAsync(ledger, "ALPHA", nav: 2m);

        journal.FailNext = true;
        await Assert.ThrowsAsync<DomainException>(() => ledger.BuyAsync(w, "ALPHA", Money.Usd(100m), "buy-1"));

        Assert.Equal(1000m, ledger.GetWallet(w)!.Cash.Amount);
        Assert.Empty(ledger.GetWallet(w)!.Holdings);
        Assert.Equal(0m, ledger.GetToken("ALPHA")!.Supply.Value);
        Assert.True((await ledger.BuyAsync(w, "ALPHA", Money.Usd(100m), "buy-2")).Accepted);
        Assert.Equal(900m, ledger.GetWallet(w)!.Cash.Amount);
    }

    /// <summary>An in-memory journal whose next append can be held open or made to fail.</summary>
    private sealed class GatedJournal : ILedgerJournal
    {
        private readonly InMemoryLedgerJournal _inner = new();
        private TaskCompletionSource _gate = Completed();

        public TaskCompletionSource Entered { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool FailNext { get; set; }

        public void Hold()
        {
            Entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        public void Release() => _gate.TrySetResult();

        public Task<LedgerSnapshot> LoadAsync(CancellationToken cancellationToken) => _inner.LoadAsync(cancellationToken);

        public IAsyncEnumerable<LedgerEntry> ReadEntriesAsync(CancellationToken cancellationToken) => _inner.ReadEntriesAsync(cancellationToken);

        public Task<IReadOnlyDictionary<BalanceKey, decimal>> ReadBalancesAsync(CancellationToken cancellationToken) => _inner.ReadBalancesAsync(cancellationToken);

        public Task<LedgerHead> ReadHeadAsync(CancellationToken cancellationToken) => _inner.ReadHeadAsync(cancellationToken);

        public Task<LedgerTail> ReadTailAsync(LedgerHead since, CancellationToken cancellationToken) => _inner.ReadTailAsync(since, cancellationToken);

        public async Task<ILedgerAppendTurn> BeginAppendAsync(CancellationToken cancellationToken) =>
            new GatedTurn(this, await _inner.BeginAppendAsync(cancellationToken));

        private sealed class GatedTurn(GatedJournal journal, ILedgerAppendTurn inner) : ILedgerAppendTurn
        {
            public Task<LedgerTail> ReadTailAsync(LedgerHead since, CancellationToken cancellationToken) => inner.ReadTailAsync(since, cancellationToken);

            public async Task<(LedgerAppendOutcome Outcome, LedgerHead Head)> AppendAsync(LedgerBatch batch, LedgerHead expected, CancellationToken cancellationToken)
            {
                journal.Entered.TrySetResult();
                await journal._gate.Task;
                if (journal.FailNext)
                {
                    journal.FailNext = false;
                    throw new IOException("disk full");
                }

                return await inner.AppendAsync(batch, expected, cancellationToken);
            }

            public ValueTask DisposeAsync() => inner.DisposeAsync();
        }

        private static TaskCompletionSource Completed()
        {
            var done = new TaskCompletionSource();
            done.SetResult();
            return done;
        }
    }
}
