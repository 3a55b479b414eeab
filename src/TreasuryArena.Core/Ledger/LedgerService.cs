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
/// The journal is the source of truth and this service a cache of it, so any number of processes can share one
/// database: each batch is validated inside an append turn (the journal's write lock across processes) after
/// catching up from the journal's tail, and appended only if the head it was validated against is still the head;
/// on a conflict the state is reloaded and the batch validated again (at most <see cref="MaxAttempts"/> times). An
/// idle writer polls the head every <see cref="FollowInterval"/> and applies what other processes committed, so
/// reads see their changes within that interval (and <see cref="Version"/> moves).
/// The queue, batching, acknowledgements and idle tick are the platform's one <see cref="GroupCommitWriter{TItem, TResult}"/>;
/// this service supplies the batch (validate, apply, append) and the idle callback (follow).
/// Reads take a shared lock that the writer holds only while it applies a batch in memory, never during the commit's
/// I/O: a reader may see a batch's effects while its commit is in flight (a few milliseconds), before its callers are
/// answered; if that commit fails, the state is reloaded and the callers get the failure.
/// Cancelling a call's token stops waiting for the answer; a command already queued may still be committed.
/// </summary>
public sealed class LedgerService : IAsyncDisposable
{
    /// <summary>How often an idle writer looks at the journal's head for other processes' commits.</summary>
    public static readonly TimeSpan FollowInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>How many times a batch is validated and appended before a head conflict fails it.</summary>
    public const int MaxAttempts = 5;

    private readonly ILedgerJournal journal;
    private readonly TimeProvider time;
    private readonly ReaderWriterLockSlim gate = new(LockRecursionPolicy.NoRecursion);
    private readonly GroupCommitWriter<LedgerCommand, LedgerResult> writer;
    private readonly List<LedgerResult> results;
    private readonly LedgerBatchBuilder builder = new();
    private readonly bool ownsJournal;
    private LedgerState state;
    private long version;
    private long followed;
    private long conflicts;

    // The journal head the state reflects, and whether the state must be reloaded before use (a tail that failed to
    // apply); only the writer task reads or writes them after construction.
    private LedgerHead known;
    private bool stale;

    private LedgerService(ILedgerJournal journal, TimeProvider time, LedgerState state, LedgerHead known, int maxBatch, bool ownsJournal)
    {
        this.journal = journal;
        this.ownsJournal = ownsJournal;
        this.time = time;
        this.state = state;
        this.known = known;
        results = new List<LedgerResult>(maxBatch);
        writer = new GroupCommitWriter<LedgerCommand, LedgerResult>(WriteBatchAsync, maxBatch, idleInterval: FollowInterval, onIdle: FollowAsync);
    }

    /// <summary>Number of group commits done by this instance.</summary>
    public long Commits { get; private set; }

    /// <summary>Number of times this instance applied commits of another process (or another instance) from the journal's tail.</summary>
    public long Followed => Interlocked.Read(ref followed);

    /// <summary>The last failure of an idle look at the journal (null when none); the next look or command tries again.</summary>
    public Exception? LastFollowFailure => writer.LastIdleFailure;

    /// <summary>Number of appends refused because the journal's head had moved (each one reloaded and retried).</summary>
    public long Conflicts => Interlocked.Read(ref conflicts);

    /// <summary>
    /// Changes whenever the state readers see changes (after each committed batch, after applying other processes'
    /// commits, and after a reload), without
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
        var (state, known) = await LoadStateAsync(journal, window, time, cancellationToken);
        return new LedgerService(journal, time, state, known, maxBatch, ownsJournal);
    }

    /// <summary>A ledger over a fresh <see cref="InMemoryLedgerJournal"/>.</summary>
    public static LedgerService InMemory(TimeProvider time, InMemoryLedgerJournal? journal = null, TimeSpan? idempotencyWindow = null) =>
        new(journal ?? new InMemoryLedgerJournal(), time, new LedgerState(idempotencyWindow ?? IdempotencyMemory.DefaultWindow), LedgerHead.Empty, 2048, false);

    /// <summary>How long an idempotency key is remembered after its operation.</summary>
    public TimeSpan IdempotencyWindow => Read(s => s.Idempotency.Window);

    /// <summary>Number of idempotency keys remembered now (at most one window of operations).</summary>
    public int RememberedKeys => Read(s => s.Idempotency.Count);

    public Task<LedgerResult> CreateWalletAsync(string organisation, WalletMode mode, RiskTolerance risk, string idempotencyKey, CancellationToken cancellationToken = default) =>
        ExecuteAsync(new LedgerCommand.CreateWallet(organisation, mode, risk, idempotencyKey), cancellationToken);

    /// <summary>Creates a wallet with a name (<paramref name="name"/> already cleaned by the free-text policy; null: none).</summary>
    public Task<LedgerResult> CreateWalletAsync(string organisation, string? name, WalletMode mode, RiskTolerance risk, string idempotencyKey, CancellationToken cancellationToken = default) =>
        ExecuteAsync(new LedgerCommand.CreateWallet(organisation, mode, risk, idempotencyKey, name), cancellationToken);

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

    /// <summary>
    /// The business clock whose platform date is the valuation date of commands not priced at a token's NAV (deposits,
    /// withdrawals, wallet creation, treasury operations) that name none; without one, the instant's UTC date. Set by
    /// the composition root (<c>TokensRuntime</c>) before the first command.
    /// </summary>
    public IBusinessClock? BusinessClock { get; set; }

    /// <summary>Queues any command and waits until it is durable (or refused).</summary>
    public Task<LedgerResult> ExecuteAsync(LedgerCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.ValuationDate is null && BusinessClock is { } clock
            && command is not (LedgerCommand.Buy or LedgerCommand.Sell or LedgerCommand.Revalue or LedgerCommand.AccrueFees))
        {
            command = command with { ValuationDate = clock.Today };
        }

        return writer.WriteAsync(command, cancellationToken);
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
        await writer.DisposeAsync();
        gate.Dispose();
        if (ownsJournal && journal is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
    }

    private static async Task<(LedgerState State, LedgerHead Known)> LoadStateAsync(ILedgerJournal journal, TimeSpan window, TimeProvider time, CancellationToken cancellationToken)
    {
        // The head first: tokens and wallets read after it are at least as new as its revision, and the entries are
        // replayed to wherever they end; the next tail read fetches again whatever a commit changed meanwhile.
        var head = await journal.ReadHeadAsync(cancellationToken);
        var snapshot = await journal.LoadAsync(cancellationToken);
        var state = LedgerState.FromSnapshot(snapshot, window);
        await state.ReplayAsync(journal.ReadEntriesAsync(cancellationToken), cancellationToken);
        state.ForgetExpiredKeys(time.GetUtcNow());
        return (state, new LedgerHead(state.LastSequence, state.LastHash, head.Revision));
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

    /// <summary>
    /// The writer's batch: commits it, or reloads the state from the journal and fails every caller of the batch with
    /// <see cref="Outcome.LedgerConflict"/> (the head kept moving) or <see cref="Outcome.LedgerCommitFailed"/>.
    /// </summary>
    private async Task<IReadOnlyList<LedgerResult>> WriteBatchAsync(IReadOnlyList<LedgerCommand> batch)
    {
        Exception failure;
        try
        {
            await CommitAsync(batch);
            return results;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            failure = ex;
            try
            {
                await ReloadAsync();
            }
            catch (Exception reload) when (reload is not OutOfMemoryException)
            {
                failure = new AggregateException(ex, reload);
            }
        }

        var outcome = failure is DomainException { Outcome: Outcome.LedgerConflict } ? Outcome.LedgerConflict : Outcome.LedgerCommitFailed;
        throw new DomainException(outcome, "the ledger batch could not be committed: " + failure.Message, failure);
    }

    /// <summary>
    /// Validates and appends one batch inside an append turn: catch up from the tail, validate and apply under the
    /// write lock (in memory, no I/O), then append conditionally with readers free to read (nobody waits on a lock for
    /// the fsync; callers are completed only after it). A head conflict reloads the state and starts again.
    /// </summary>
    private async Task CommitAsync(IReadOnlyList<LedgerCommand> batch)
    {
        if (stale)
        {
            await ReloadAsync();
            stale = false;
        }

        for (var attempt = 1; ; attempt++)
        {
            results.Clear();
            builder.Clear();
            await using var turn = await journal.BeginAppendAsync(CancellationToken.None);
            var tail = await turn.ReadTailAsync(known, CancellationToken.None);
            LedgerBatch? toCommit = null;
            LedgerHead expected;
            gate.EnterWriteLock();
            try
            {
                if (!tail.IsEmpty)
                {
                    state.ApplyTail(tail);
                    Interlocked.Increment(ref followed);
                }

                known = tail.Head;
                expected = tail.Head;
                var at = Now();
                foreach (var command in batch)
                {
                    results.Add(state.Execute(command, at, builder));
                }

                if (!builder.IsEmpty)
                {
                    toCommit = builder.Build(state);
                }

                if (toCommit is not null || !tail.IsEmpty)
                {
                    Interlocked.Increment(ref version);
                }
            }
            finally
            {
                gate.ExitWriteLock();
            }

            if (toCommit is null)
            {
                return;
            }

            var (outcome, head) = await turn.AppendAsync(toCommit, expected, CancellationToken.None);
            if (outcome == LedgerAppendOutcome.Appended)
            {
                known = head;
                Commits++;
                return;
            }

            // The state holds a batch the journal refused: rebuild it from the journal, then validate again.
            Interlocked.Increment(ref conflicts);
            await turn.DisposeAsync();
            await ReloadAsync();
            if (attempt >= MaxAttempts)
            {
                throw new DomainException(Outcome.LedgerConflict, $"the journal's head kept moving ({attempt} attempts; last seen at entry {head.Sequence})");
            }
        }
    }

    /// <summary>
    /// The writer's idle callback: applies what other processes committed since <see cref="known"/>; a failed look
    /// (kept as <see cref="LastFollowFailure"/> by the writer) is retried at the next tick.
    /// </summary>
    private async Task FollowAsync()
    {
        if (stale)
        {
            await ReloadAsync();
            stale = false;
        }

        var head = await journal.ReadHeadAsync(CancellationToken.None);
        if (head.Sequence == known.Sequence && head.Revision == known.Revision)
        {
            return;
        }

        var tail = await journal.ReadTailAsync(known, CancellationToken.None);
        gate.EnterWriteLock();
        try
        {
            // A tail that does not apply cleanly may leave the state half-changed: reload before anything else.
            stale = true;
            state.ApplyTail(tail);
            stale = false;
            known = tail.Head;
            Interlocked.Increment(ref followed);
            Interlocked.Increment(ref version);
        }
        finally
        {
            gate.ExitWriteLock();
        }
    }

    private async Task ReloadAsync()
    {
        var (reloaded, head) = await LoadStateAsync(journal, state.Idempotency.Window, time, CancellationToken.None);
        gate.EnterWriteLock();
        try
        {
            state = reloaded;
            known = head;
            Interlocked.Increment(ref version);
        }
        finally
        {
            gate.ExitWriteLock();
        }
    }
}
