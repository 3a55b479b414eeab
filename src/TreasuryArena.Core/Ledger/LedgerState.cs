using TreasuryArena.Core.Common;
using TreasuryArena.Core.Fees;
using TreasuryArena.Core.Tokens;
using TreasuryArena.Core.Wallets;

namespace TreasuryArena.Core.Ledger;

/// <summary>
/// The ledger's in-memory state and its rules, coordinating its parts: <see cref="LedgerBalances"/> (every balance, the
/// holder counts), <see cref="TokenBook"/> (tokens, GAV, supply, the one NAV), <see cref="WalletBook"/> (wallets, holdings'
/// cost basis, daily trade counts), <see cref="TreasuryBooks"/> (organisation treasuries), the chain head (last sequence,
/// hash, operation id) and the idempotency keys of the last window (see <see cref="IdempotencyMemory"/>).
/// <see cref="Execute"/> validates a command against the current balances and, when it is accepted, turns it into
/// hashed entries, applies them and records what the batch must persist; a refused command changes nothing. The rules
/// live by concern in the partial files: wallets (<c>LedgerState.Wallets.cs</c>), tokens, NAV and fees
/// (<c>.Tokens.cs</c>), trades (<c>.Trades.cs</c>), treasury (<c>.Treasury.cs</c>), replay and catch-up (<c>.Replay.cs</c>).
/// <see cref="Replay"/> rebuilds the same state from stored entries (the same apply code runs in both).
/// Not thread-safe: <see cref="LedgerService"/> is its only writer.
/// </summary>
public sealed partial class LedgerState
{
    private const int MaxKeyLength = 200;

    private readonly LedgerBalances balances = new();
    private readonly TokenBook tokens;
    private readonly WalletBook wallets;
    private readonly TreasuryBooks treasuries;
    private readonly IdempotencyMemory memory;
    private readonly List<Leg> legs = [];

    // The valuation date of the command being executed (set by Execute, read by Commit).
    private DateOnly valuationDate;

    /// <summary>A state that remembers idempotency keys for <see cref="IdempotencyMemory.DefaultWindow"/>.</summary>
    public LedgerState()
        : this(IdempotencyMemory.DefaultWindow)
    {
    }

    /// <summary>A state that remembers each operation's idempotency key for <paramref name="idempotencyWindow"/> after its instant.</summary>
    public LedgerState(TimeSpan idempotencyWindow)
    {
        memory = new IdempotencyMemory(idempotencyWindow);
        tokens = new TokenBook(balances);
        wallets = new WalletBook(balances, tokens);
        treasuries = new TreasuryBooks(balances);
    }

    public long LastSequence { get; private set; }

    public long LastOperationId { get; private set; }

    public string LastHash { get; private set; } = EntryHasher.Genesis;

    public IReadOnlyDictionary<BalanceKey, decimal> Balances => balances.All;

    public IReadOnlyDictionary<string, StrategyToken> Tokens => tokens.All;

    /// <summary>The idempotency keys remembered now, with their results.</summary>
    public IdempotencyMemory Idempotency => memory;

    public IReadOnlyDictionary<string, Wallet> Wallets => wallets.All;

    /// <summary>Rebuilds state from a journal's snapshot and entries (trusting the entries; see <see cref="LedgerVerifier"/>).</summary>
    public static LedgerState Restore(LedgerSnapshot snapshot, IEnumerable<LedgerEntry> entries) =>
        Restore(snapshot, entries, IdempotencyMemory.DefaultWindow);

    /// <summary>Rebuilds state from a journal's snapshot and entries, remembering keys for <paramref name="idempotencyWindow"/>.</summary>
    public static LedgerState Restore(LedgerSnapshot snapshot, IEnumerable<LedgerEntry> entries, TimeSpan idempotencyWindow)
    {
        var state = FromSnapshot(snapshot, idempotencyWindow);
        state.Replay(entries);
        return state;
    }

    /// <summary>A state holding the snapshot's tokens and wallets, before its entries are replayed.</summary>
    public static LedgerState FromSnapshot(LedgerSnapshot snapshot, TimeSpan idempotencyWindow)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var state = new LedgerState(idempotencyWindow);
        foreach (var t in snapshot.Tokens)
        {
            state.tokens.Set(t);
        }

        foreach (var w in snapshot.Wallets)
        {
            state.wallets.Set(w);
        }

        return state;
    }

    public decimal Balance(LedgerAccount account, LedgerUnit unit) => balances.Of(account, unit);

    public Money CashOf(string address) => Money.Usd(Balance(LedgerAccount.Wallet(address), LedgerUnit.Usd));

    public Shares SharesOf(string address, string symbol) => Shares.Of(Balance(LedgerAccount.Wallet(address), LedgerUnit.SharesOf(symbol)));

    public Money GrossAssetValue(string symbol) => tokens.GrossAssetValue(symbol);

    public Shares Supply(string symbol) => tokens.Supply(symbol);

    public Money Revenue => Money.Usd(Balance(LedgerAccount.Revenue, LedgerUnit.Usd));

    /// <summary>
    /// The one NAV per share (see <see cref="SharePricing"/>): floor₈((GAV + V·R) / (supply + V)) with the token's
    /// reference NAV R; the reference NAV itself when the fund is empty. Buys, sells and quotes use the same figures.
    /// </summary>
    public UnitPrice NavPerShare(string symbol) => tokens.NavPerShare(symbol);

    public TokenView? TokenView(string symbol) => tokens.View(symbol);

    /// <summary>
    /// Buys and sells of a wallet committed on UTC <paramref name="day"/> (by the entries' instants), for the
    /// daily-trades monitoring rule. Counted when an operation is applied, live or replayed, so a restart rebuilds it.
    /// Only the latest day per wallet is kept.
    /// </summary>
    public int TradesOn(string address, DateOnly day) => wallets.TradesOn(address, day);

    public Holding? Holding(string address, string symbol) => wallets.Holding(address, symbol);

    public WalletView? WalletView(string address) => wallets.View(address);

    /// <summary>The organisation's treasury as the ledger holds it, or null when it has never received capital.</summary>
    public TreasuryLedgerView? TreasuryView(string organisation) => treasuries.View(organisation);

    /// <summary>
    /// Validates and applies one command at instant <paramref name="at"/>; accepted changes are added to
    /// <paramref name="batch"/>. Refusals return a result with an error and change nothing.
    /// </summary>
    public LedgerResult Execute(LedgerCommand command, DateTimeOffset at, LedgerBatchBuilder batch)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(batch);
        valuationDate = ValuationDateOf(command, at);
        return command switch
        {
            LedgerCommand.CreateWallet c => CreateWallet(c, at, batch),
            LedgerCommand.UpdateWallet c => UpdateWallet(c, batch),
            LedgerCommand.CreateToken c => CreateToken(c, batch),
            LedgerCommand.ChangeTokenStatus c => ChangeStatus(c, batch),
            LedgerCommand.Deposit c => Deposit(c, at, batch),
            LedgerCommand.Withdraw c => Withdraw(c, at, batch),
            LedgerCommand.Buy c => Buy(c, at, batch),
            LedgerCommand.Sell c => Sell(c, at, batch),
            LedgerCommand.Revalue c => Revalue(c, at, batch),
            LedgerCommand.AccrueFees c => AccrueFees(c, at, batch),
            LedgerCommand.TreasuryDeposit c => TreasuryDeposit(c, at, batch),
            LedgerCommand.TreasuryTrade c => TreasuryTrade(c, at, batch),
            LedgerCommand.TreasuryRevalue c => TreasuryRevalue(c, at, batch),
            _ => throw new ArgumentOutOfRangeException(nameof(command)),
        };
    }

    /// <summary>
    /// The business date the entries of <paramref name="command"/> are priced at: the date the command names; a fee
    /// accrual's as-of date; a buy, sell or revaluation without one: the date of the token's last struck NAV (its last
    /// fee date: the NAV step accrues the fees of each NAV day); otherwise the UTC date of <paramref name="at"/>.
    /// </summary>
    private DateOnly ValuationDateOf(LedgerCommand command, DateTimeOffset at) =>
        command.ValuationDate ?? command switch
        {
            LedgerCommand.AccrueFees c => c.AsOf,
            LedgerCommand.Buy c => tokens.Find(c.Symbol)?.LastFeeDate,
            LedgerCommand.Sell c => tokens.Find(c.Symbol)?.LastFeeDate,
            LedgerCommand.Revalue c => tokens.Find(c.Symbol)?.LastFeeDate,
            _ => null,
        } ?? DateOnly.FromDateTime(at.UtcDateTime);

    private static LedgerResult Refuse(LedgerCommand c, LedgerError error, string message) => LedgerResult.Refused(c.Kind, error, message);

    private static string? KeyProblem(string? key) =>
        string.IsNullOrWhiteSpace(key) ? "an idempotency key is required" :
        key.Length > MaxKeyLength ? $"the idempotency key is longer than {MaxKeyLength} characters" :
        key.Contains('|', StringComparison.Ordinal) ? "the idempotency key must not contain '|'" : null;

    /// <summary>
    /// The refusal of a missing or malformed key, or the first result of a key repeated inside its window (at
    /// <paramref name="at"/>); null for a new command.
    /// </summary>
    private LedgerResult? Admit(LedgerCommand c, string key, DateTimeOffset at) =>
        KeyProblem(key) is { } problem ? Refuse(c, LedgerError.InvalidRequest, problem) :
        memory.Recall(key, at) is { } first ? first with { Repeated = true } : null;

    private static string? CashProblem(Money amount) =>
        amount.Currency != Currency.Usd
            ? $"the ledger's cash is USD, not {amount.Currency.Code ?? "(none)"}"
            : AmountRules.Problem(amount.Amount, Currency.Usd.Scale, "USD");

    private static string? PriceProblem(UnitPrice price) =>
        price.Value > AmountRules.MaxUnitPrice ? "a unit price may not exceed 1e9 USD" : AmountRules.Problem(price.Value, UnitPrice.Scale, "a unit price");

    /// <summary>Turns the pending legs into hashed entries, applies them and records the result.</summary>
    private LedgerResult Commit(LedgerOperationKind kind, string key, DateTimeOffset at, LedgerBatchBuilder batch, string? symbol = null)
    {
        var opId = ++LastOperationId;
        var entries = new List<LedgerEntry>(legs.Count);
        var seq = LastSequence;
        var prev = LastHash;
        foreach (var leg in legs)
        {
            seq++;
            var hash = EntryHasher.Compute(seq, opId, kind, key, leg.Kind, leg.Memo, leg.Unit, leg.From, leg.To, leg.Amount, at, prev, valuationDate);
            entries.Add(new LedgerEntry(seq, opId, kind, key, leg.Kind, leg.Memo, leg.Unit, leg.From, leg.To, leg.Amount, at, prev, hash) { ValuationDate = valuationDate });
            prev = hash;
        }

        var result = entries.Count > 0 ? ApplyOperation(entries) : EmptyResult(kind, opId, key, symbol, at);
        foreach (var e in entries)
        {
            batch.Entry(e);
            batch.Touch(new BalanceKey(e.From, e.Unit));
            batch.Touch(new BalanceKey(e.To, e.Unit));
        }

        return result;
    }

    private LedgerResult EmptyResult(LedgerOperationKind kind, long opId, string key, string? symbol, DateTimeOffset at)
    {
        var result = LedgerResult.Ok(kind, opId) with { Symbol = symbol, NavPerShare = symbol is null ? UnitPrice.Of(0m) : NavPerShare(symbol) };
        memory.Remember(key, result, at);
        return result;
    }

    private readonly record struct Leg(EntryKind Kind, string Memo, LedgerUnit Unit, LedgerAccount From, LedgerAccount To, decimal Amount);
}
