using System.Threading.Channels;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Fees;
using TreasuryArena.Core.Ports;
using TreasuryArena.Core.Tokens;
using TreasuryArena.Core.Wallets;

namespace TreasuryArena.Core.Ledger;

/// <summary>
/// The ledger's use cases: the one object the rest of the platform calls to create wallets and tokens and to move
/// money (deposit, withdraw, buy, sell, NAV re-valuation, fee accrual). Every command is queued to a single writer
/// task that validates it against the in-memory balances, collects the accepted ones of a batch, appends the batch
/// to the <see cref="ILedgerJournal"/> in one durable commit (group commit), and only then completes each caller's
/// task. A refused command writes nothing. Business refusals come back as <see cref="LedgerResult"/> values with a
/// <see cref="LedgerError"/>; exceptions mean a bug or a storage failure (the batch is then not acknowledged and the
/// in-memory state is reloaded from the journal).
/// Reads take a shared lock that the writer holds only while it applies a batch in memory, never during the commit's
/// I/O: a reader may see a batch's effects while its commit is in flight (a few milliseconds), before its callers are
/// answered; if that commit fails, the state is reloaded and the callers get the failure.
/// Cancelling a call's token stops waiting for the answer; a command already queued may still be committed.
/// </summary>
public sealed class LedgerService : IAsyncDisposable
{
    private readonly ILedgerJournal journal;
    private readonly TimeProvider time;
    private readonly int maxBatch;
    private readonly Channel<Pending> queue;
    private readonly ReaderWriterLockSlim gate = new(LockRecursionPolicy.NoRecursion);
    private readonly Task writer;
    private readonly bool ownsJournal;
    private LedgerState state;
    private long version;

    private LedgerService(ILedgerJournal journal, TimeProvider time, LedgerState state, int maxBatch, bool ownsJournal)
    {
        this.journal = journal;
        this.ownsJournal = ownsJournal;
        this.time = time;
        this.state = state;
        this.maxBatch = maxBatch;
        queue = Channel.CreateBounded<Pending>(new BoundedChannelOptions(Math.Max(1024, maxBatch * 4)) { SingleReader = true });
        writer = Task.Run(WriteLoopAsync);
    }

    /// <summary>Number of group commits done by this instance.</summary>
    public long Commits { get; private set; }

    /// <summary>
    /// Changes whenever the state readers see changes (after each committed batch, and after a reload), without
    /// taking the lock: a reader that saw a value and then reads the state sees at least that version's state, so
    /// derived views can be cached per version.
    /// </summary>
    public long Version => Interlocked.Read(ref version);

    /// <summary>
    /// Opens a ledger over <paramref name="journal"/>, rebuilding its state by replaying every entry. When
    /// <paramref name="ownsJournal"/> is true, disposing the service disposes the journal too. Idempotency keys are
    /// remembered for <paramref name="idempotencyWindow"/> (default <see cref="IdempotencyMemory.DefaultWindow"/>)
    /// after their operation's instant, on replay as live.
    /// </summary>
    public static async Task<LedgerService> OpenAsync(
        ILedgerJournal journal, TimeProvider time, int maxBatch = 2048, bool ownsJournal = false, TimeSpan? idempotencyWindow = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatch, 1);
        var window = idempotencyWindow ?? IdempotencyMemory.DefaultWindow;
        var state = await LoadStateAsync(journal, window, time, cancellationToken);
        return new LedgerService(journal, time, state, maxBatch, ownsJournal);
    }

    /// <summary>A ledger over a fresh <see cref="InMemoryLedgerJournal"/>.</summary>
    public static LedgerService InMemory(TimeProvider time, InMemoryLedgerJournal? journal = null, TimeSpan? idempotencyWindow = null) =>
        new(journal ?? new InMemoryLedgerJournal(), time, new LedgerState(idempotencyWindow ?? IdempotencyMemory.DefaultWindow), 2048, false);

    /// <summary>How long an idempotency key is remembered after its operation.</summary>
    public TimeSpan IdempotencyWindow => Read(s => s.Idempotency.Window);

    /// <summary>Number of idempotency keys remembered now (at most one window of operations).</summary>
    public int RememberedKeys => Read(s => s.Idempotency.Count);

    public Task<LedgerResult> CreateWalletAsync(string organisation, WalletMode mode, RiskTolerance risk, string idempotencyKey, CancellationToken cancellationToken = default) =>
        ExecuteAsync(new LedgerCommand.CreateWallet(organisation, mode, risk, idempotencyKey), cancellationToken);

    public Task<LedgerResult> UpdateWalletAsync(string address, WalletMode mode, RiskTolerance risk, CancellationToken cancellationToken = default) =>
        ExecuteAsync(new LedgerCommand.UpdateWallet(address, mode, risk), cancellationToken);

    /// <summary>Registers a token in status proving (fees default to <see cref="FeeSchedule.Default"/>).</summary>
    public Task<LedgerResult> CreateTokenAsync(string symbol, string name, string strategyId, UnitPrice initialNav, DateOnly inceptionDate, FeeSchedule? fees = null, CancellationToken cancellationToken = default) =>
        ExecuteAsync(new LedgerCommand.CreateToken(symbol, name, strategyId, initialNav, inceptionDate, fees ?? FeeSchedule.Default), cancellationToken);

    public Task<LedgerResult> ChangeTokenStatusAsync(string symbol, TokenStatus status, CancellationToken cancellationToken = default) =>
        ExecuteAsync(new LedgerCommand.ChangeTokenStatus(symbol, status), cancellationToken);

    public Task<LedgerResult> DepositAsync(string address, Money amount, string idempotencyKey, CancellationToken cancellationToken = default) =>
        ExecuteAsync(new LedgerCommand.Deposit(address, amount, idempotencyKey), cancellationToken);

    public Task<LedgerResult> WithdrawAsync(string address, Money amount, string idempotencyKey, CancellationToken cancellationToken = default) =>
        ExecuteAsync(new LedgerCommand.Withdraw(address, amount, idempotencyKey), cancellationToken);

    /// <summary>Spends <paramref name="cash"/> (trade fee included) on shares at the current NAV.</summary>
    public Task<LedgerResult> BuyAsync(string address, string symbol, Money cash, string idempotencyKey, CancellationToken cancellationToken = default) =>
        ExecuteAsync(new LedgerCommand.Buy(address, symbol, cash, idempotencyKey), cancellationToken);

    /// <summary>Redeems <paramref name="shares"/> at the current NAV; the result's Cash is the net received.</summary>
    public Task<LedgerResult> SellAsync(string address, string symbol, Shares shares, string idempotencyKey, CancellationToken cancellationToken = default) =>
        ExecuteAsync(new LedgerCommand.Sell(address, symbol, shares, idempotencyKey), cancellationToken);

    /// <summary>Records the backing portfolio's new value as a NAV per share.</summary>
    public Task<LedgerResult> RevalueAsync(string symbol, UnitPrice navPerShare, string idempotencyKey, CancellationToken cancellationToken = default) =>
        ExecuteAsync(new LedgerCommand.Revalue(symbol, navPerShare, idempotencyKey), cancellationToken);

    /// <summary>Takes the management fee for the days since the last accrual, and the performance fee when due.</summary>
    public Task<LedgerResult> AccrueFeesAsync(string symbol, DateOnly asOf, string idempotencyKey, CancellationToken cancellationToken = default) =>
        ExecuteAsync(new LedgerCommand.AccrueFees(symbol, asOf, idempotencyKey), cancellationToken);

    /// <summary>
    /// As <see cref="AccrueFeesAsync(string, DateOnly, string, CancellationToken)"/>, growing a hurdle at
    /// <paramref name="hurdleDailyRate"/>; <paramref name="closesPeriod"/> crystallises at <paramref name="asOf"/> as the
    /// last NAV day of its period (see <see cref="LedgerCommand.AccrueFees"/>).
    /// </summary>
    public Task<LedgerResult> AccrueFeesAsync(
        string symbol, DateOnly asOf, string idempotencyKey, decimal hurdleDailyRate, bool closesPeriod, CancellationToken cancellationToken = default) =>
        ExecuteAsync(new LedgerCommand.AccrueFees(symbol, asOf, idempotencyKey, hurdleDailyRate, closesPeriod), cancellationToken);

    /// <summary>Capital from outside into <paramref name="organisation"/>'s treasury cash (opens the treasury).</summary>
    public Task<LedgerResult> TreasuryDepositAsync(string organisation, Money amount, string idempotencyKey, CancellationToken cancellationToken = default) =>
        ExecuteAsync(new LedgerCommand.TreasuryDeposit(organisation, amount, idempotencyKey), cancellationToken);

    /// <summary>One treasury fill (see <see cref="LedgerCommand.TreasuryTrade"/>).</summary>
    public Task<LedgerResult> TreasuryTradeAsync(LedgerCommand.TreasuryTrade trade, CancellationToken cancellationToken = default) =>
        ExecuteAsync(trade, cancellationToken);

    /// <summary>Marks a treasury position to units × <paramref name="price"/> (yield accrual when <paramref name="isYield"/>).</summary>
    public Task<LedgerResult> TreasuryRevalueAsync(string organisation, string asset, decimal price, bool isYield, string idempotencyKey, CancellationToken cancellationToken = default) =>
        ExecuteAsync(new LedgerCommand.TreasuryRevalue(organisation, asset, price, isYield, idempotencyKey), cancellationToken);

    /// <summary>The organisation's treasury (cash, positions, cost basis), or null before its first deposit.</summary>
    public TreasuryLedgerView? GetTreasury(string organisation) => Read(s => s.TreasuryView(organisation));

    /// <summary>Queues any command and waits until it is durable (or refused).</summary>
    public async Task<LedgerResult> ExecuteAsync(LedgerCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var pending = new Pending(command, new TaskCompletionSource<LedgerResult>(TaskCreationOptions.RunContinuationsAsynchronously));
        await queue.Writer.WriteAsync(pending, cancellationToken);
        return await pending.Completion.Task.WaitAsync(cancellationToken);
    }

    public WalletView? GetWallet(string address) => Read(s => s.WalletView(address));

    public IReadOnlyList<Wallet> ListWallets() => Read(s => (IReadOnlyList<Wallet>)[.. s.Wallets.Values.OrderBy(w => w.Address, StringComparer.Ordinal)]);

    public Holding? GetHolding(string address, string symbol) => Read(s => s.Holding(address, symbol));

    /// <summary>Buys and sells of the wallet committed on UTC <paramref name="day"/> (see <see cref="LedgerState.TradesOn"/>).</summary>
    public int TradesOn(string address, DateOnly day) => Read(s => s.TradesOn(address, day));

    public TokenView? GetToken(string symbol) => Read(s => s.TokenView(symbol));

    public IReadOnlyList<TokenView> ListTokens() =>
        Read(s => (IReadOnlyList<TokenView>)[.. s.Tokens.Keys.Order(StringComparer.Ordinal).Select(k => s.TokenView(k)!)]);

    /// <summary>The platform's fee income so far.</summary>
    public Money Revenue => Read(s => s.Revenue);

    /// <summary>A copy of every non-zero balance.</summary>
    public IReadOnlyDictionary<BalanceKey, decimal> SnapshotBalances() =>
        Read(s => (IReadOnlyDictionary<BalanceKey, decimal>)s.Balances.Where(kv => kv.Value != 0m).ToDictionary(kv => kv.Key, kv => kv.Value));

    /// <summary>Sequence number and hash of the last committed entry.</summary>
    public (long Sequence, string Hash) Head => Read(s => (s.LastSequence, s.LastHash));

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await writer;
        gate.Dispose();
        if (ownsJournal && journal is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
    }

    private static async Task<LedgerState> LoadStateAsync(ILedgerJournal journal, TimeSpan window, TimeProvider time, CancellationToken cancellationToken)
    {
        var snapshot = await journal.LoadAsync(cancellationToken);
        var state = LedgerState.FromSnapshot(snapshot, window);
        await state.ReplayAsync(journal.ReadEntriesAsync(cancellationToken), cancellationToken);
        state.ForgetExpiredKeys(time.GetUtcNow());
        return state;
    }

    private T Read<T>(Func<LedgerState, T> read)
    {
        gate.EnterReadLock();
        try
        {
            return read(state);
        }
        finally
        {
            gate.ExitReadLock();
        }
    }

    private DateTimeOffset Now()
    {
        // Whole microseconds, UTC: PostgreSQL's timestamptz keeps no finer, and the hash covers the instant.
        var utc = time.GetUtcNow().UtcTicks;
        return new DateTimeOffset(utc - (utc % 10), TimeSpan.Zero);
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<Pending>(maxBatch);
        var results = new List<LedgerResult>(maxBatch);
        var builder = new LedgerBatchBuilder();
        var reader = queue.Reader;
        while (await reader.WaitToReadAsync())
        {
            batch.Clear();
            results.Clear();
            builder.Clear();
            while (batch.Count < maxBatch && reader.TryRead(out var p))
            {
                batch.Add(p);
            }

            Exception? failure = null;
            try
            {
                // Validate and apply under the write lock (in memory, no I/O), then commit with readers free to read:
                // nobody waits on a lock for the fsync, and callers are completed only after it.
                LedgerBatch? toCommit = null;
                gate.EnterWriteLock();
                try
                {
                    var at = Now();
                    foreach (var p in batch)
                    {
                        results.Add(state.Execute(p.Command, at, builder));
                    }

                    if (!builder.IsEmpty)
                    {
                        toCommit = builder.Build(state);
                        Interlocked.Increment(ref version);
                    }
                }
                finally
                {
                    gate.ExitWriteLock();
                }

                if (toCommit is not null)
                {
                    await journal.AppendAsync(toCommit, CancellationToken.None);
                    Commits++;
                }
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                failure = ex;
                try
                {
                    var reloaded = await LoadStateAsync(journal, state.Idempotency.Window, time, CancellationToken.None);
                    gate.EnterWriteLock();
                    try
                    {
                        state = reloaded;
                        Interlocked.Increment(ref version);
                    }
                    finally
                    {
                        gate.ExitWriteLock();
                    }
                }
                catch (Exception reload) when (reload is not OutOfMemoryException)
                {
                    failure = new AggregateException(ex, reload);
                }
            }

            for (var i = 0; i < batch.Count; i++)
            {
                if (failure is not null)
                {
                    batch[i].Completion.TrySetException(new DomainException(Outcome.LedgerCommitFailed, "the ledger batch could not be committed: " + failure.Message, failure));
                }
                else
                {
                    batch[i].Completion.TrySetResult(results[i]);
                }
            }
        }
    }

    private sealed record Pending(LedgerCommand Command, TaskCompletionSource<LedgerResult> Completion);
}
