using TreasuryArena.Core.Common;
using TreasuryArena.Core.Fees;
using TreasuryArena.Core.Tokens;
using TreasuryArena.Core.Wallets;

namespace TreasuryArena.Core.Ledger;

/// <summary>
/// The ledger's in-memory state and its rules: balances, tokens, wallets, holdings and the idempotency keys of the
/// last window (see <see cref="IdempotencyMemory"/>).
/// <see cref="Execute"/> validates a command against the current balances and, when it is accepted, turns it into
/// hashed entries, applies them and records what the batch must persist; a refused command changes nothing.
/// <see cref="Replay"/> rebuilds the same state from stored entries (the same apply code runs in both).
/// Not thread-safe: <see cref="LedgerService"/> is its only writer.
/// </summary>
public sealed partial class LedgerState
{
    private const int MaxKeyLength = 200;

    private readonly Dictionary<BalanceKey, decimal> balances = [];
    private readonly Dictionary<string, StrategyToken> tokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Wallet> wallets = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Address, string Symbol), HoldingBook> holdings = [];
    private readonly Dictionary<string, int> holderCounts = new(StringComparer.Ordinal);
    private readonly IdempotencyMemory memory;
    private readonly Dictionary<string, (int Day, int Count)> tradesByDay = new(StringComparer.Ordinal);
    private readonly List<Leg> legs = [];
    private string[] sortedSymbols = [];

    // The valuation date of the command being executed (set by Execute, read by Commit).
    private DateOnly valuationDate;

    /// <summary>A state that remembers idempotency keys for <see cref="IdempotencyMemory.DefaultWindow"/>.</summary>
    public LedgerState()
        : this(IdempotencyMemory.DefaultWindow)
    {
    }

    /// <summary>A state that remembers each operation's idempotency key for <paramref name="idempotencyWindow"/> after its instant.</summary>
    public LedgerState(TimeSpan idempotencyWindow) => memory = new IdempotencyMemory(idempotencyWindow);

    public long LastSequence { get; private set; }

    public long LastOperationId { get; private set; }

    public string LastHash { get; private set; } = EntryHasher.Genesis;

    public IReadOnlyDictionary<BalanceKey, decimal> Balances => balances;

    public IReadOnlyDictionary<string, StrategyToken> Tokens => tokens;

    /// <summary>The idempotency keys remembered now, with their results.</summary>
    public IdempotencyMemory Idempotency => memory;

    public IReadOnlyDictionary<string, Wallet> Wallets => wallets;

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
            state.tokens[t.Symbol] = t;
        }

        foreach (var w in snapshot.Wallets)
        {
            state.wallets[w.Address] = w;
        }

        return state;
    }

    /// <summary>Applies stored entries, grouped by operation.</summary>
    public void Replay(IEnumerable<LedgerEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var group = new List<LedgerEntry>();
        foreach (var e in entries)
        {
            ReplayOne(group, e);
        }

        EndReplay(group);
    }

    /// <summary>Applies stored entries as they are read (the journal is never held in memory whole).</summary>
    public async Task ReplayAsync(IAsyncEnumerable<LedgerEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var group = new List<LedgerEntry>();
        await foreach (var e in entries.WithCancellation(cancellationToken))
        {
            ReplayOne(group, e);
        }

        EndReplay(group);
    }

    /// <summary>
    /// Catches up with what another process committed: takes the tail's token and wallet rows as they are now and
    /// applies its entries (which must continue this state's hash chain), exactly as a replay does, so balances,
    /// holdings and the idempotency keys of the other process's operations are known here.
    /// </summary>
    public void ApplyTail(LedgerTail tail)
    {
        ArgumentNullException.ThrowIfNull(tail);
        foreach (var t in tail.Tokens)
        {
            tokens[t.Symbol] = t;
        }

        foreach (var w in tail.Wallets)
        {
            wallets[w.Address] = w;
        }

        if (tail.Entries.Count > 0 && tail.Entries[0].PreviousHash != LastHash)
        {
            throw new DomainException(Outcome.LedgerFork, $"entry {tail.Entries[0].Sequence} does not continue the chain at {LastSequence}");
        }

        Replay(tail.Entries);
        if (LastSequence != tail.Head.Sequence || LastHash != tail.Head.Hash)
        {
            throw new DomainException(Outcome.LedgerHead, $"the journal's head (entry {tail.Head.Sequence}) is not where its entries end (entry {LastSequence})");
        }
    }

    /// <summary>Forgets the idempotency keys whose window has ended at <paramref name="now"/>.</summary>
    public void ForgetExpiredKeys(DateTimeOffset now) => memory.Trim(now);

    private void ReplayOne(List<LedgerEntry> group, LedgerEntry e)
    {
        if (group.Count > 0 && group[0].OperationId != e.OperationId)
        {
            ApplyOperation(group);
            group.Clear();
        }

        group.Add(e);
    }

    private void EndReplay(List<LedgerEntry> group)
    {
        if (group.Count > 0)
        {
            ApplyOperation(group);
            group.Clear();
        }
    }

    public decimal Balance(LedgerAccount account, LedgerUnit unit) => balances.GetValueOrDefault(new BalanceKey(account, unit));

    public Money CashOf(string address) => Money.Usd(Balance(LedgerAccount.Wallet(address), LedgerUnit.Usd));

    public Shares SharesOf(string address, string symbol) => Shares.Of(Balance(LedgerAccount.Wallet(address), LedgerUnit.SharesOf(symbol)));

    public Money GrossAssetValue(string symbol) => Money.Usd(Balance(LedgerAccount.Fund(symbol), LedgerUnit.Usd));

    public Shares Supply(string symbol) => Shares.Of(-Balance(LedgerAccount.Issuance(symbol), LedgerUnit.SharesOf(symbol)));

    public Money Revenue => Money.Usd(Balance(LedgerAccount.Revenue, LedgerUnit.Usd));

    /// <summary>
    /// The one NAV per share (see <see cref="SharePricing"/>): floor₈((GAV + V·R) / (supply + V)) with the token's
    /// reference NAV R; the reference NAV itself when the fund is empty. Buys, sells and quotes use the same figures.
    /// </summary>
    public UnitPrice NavPerShare(string symbol) =>
        tokens.TryGetValue(symbol, out var t)
            ? SharePricing.NavPerShare(GrossAssetValue(symbol).Amount, Supply(symbol).Value, t.ReferenceNav)
            : UnitPrice.Of(0m);

    public TokenView? TokenView(string symbol) =>
        tokens.TryGetValue(symbol, out var t)
            ? new TokenView(t, GrossAssetValue(symbol), Supply(symbol), NavPerShare(symbol), holderCounts.GetValueOrDefault(symbol))
            : null;

    /// <summary>
    /// Buys and sells of a wallet committed on UTC <paramref name="day"/> (by the entries' instants), for the
    /// daily-trades monitoring rule. Counted when an operation is applied, live or replayed, so a restart rebuilds it.
    /// Only the latest day per wallet is kept.
    /// </summary>
    public int TradesOn(string address, DateOnly day) =>
        tradesByDay.TryGetValue(address, out var t) && t.Day == day.DayNumber ? t.Count : 0;

    public Holding? Holding(string address, string symbol)
    {
        var shares = SharesOf(address, symbol);
        var book = holdings.GetValueOrDefault((address, symbol));
        if (shares.IsZero && book is null)
        {
            return null;
        }

        return new Holding(address, symbol, shares, Money.Usd(book?.Cost ?? 0m), Money.Usd(book?.Realised ?? 0m));
    }

    public WalletView? WalletView(string address)
    {
        if (!wallets.TryGetValue(address, out var w))
        {
            return null;
        }

        var list = new List<Holding>();
        var account = LedgerAccount.Wallet(address);
        foreach (var symbol in SortedSymbols())
        {
            var shares = balances.GetValueOrDefault(new BalanceKey(account, LedgerUnit.SharesOf(symbol)));
            if (shares != 0m)
            {
                var book = holdings.GetValueOrDefault((address, symbol));
                list.Add(new Holding(address, symbol, Shares.Of(shares), Money.Usd(book?.Cost ?? 0m), Money.Usd(book?.Realised ?? 0m)));
            }
        }

        return new WalletView(w, Money.Usd(balances.GetValueOrDefault(new BalanceKey(account, LedgerUnit.Usd))), list);
    }

    /// <summary>Token symbols in ordinal order (cached; tokens are never removed, only added).</summary>
    private string[] SortedSymbols()
    {
        if (sortedSymbols.Length != tokens.Count)
        {
            sortedSymbols = [.. tokens.Keys.Order(StringComparer.Ordinal)];
        }

        return sortedSymbols;
    }

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
            LedgerCommand.Buy c => tokens.GetValueOrDefault(c.Symbol)?.LastFeeDate,
            LedgerCommand.Sell c => tokens.GetValueOrDefault(c.Symbol)?.LastFeeDate,
            LedgerCommand.Revalue c => tokens.GetValueOrDefault(c.Symbol)?.LastFeeDate,
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

    private LedgerResult CreateWallet(LedgerCommand.CreateWallet c, DateTimeOffset at, LedgerBatchBuilder batch)
    {
        if (KeyProblem(c.IdempotencyKey) is { } kp)
        {
            return Refuse(c, LedgerError.InvalidRequest, kp);
        }

        if (string.IsNullOrWhiteSpace(c.Organisation) || c.Organisation.Length > 200)
        {
            return Refuse(c, LedgerError.InvalidRequest, "organisation is required (at most 200 characters)");
        }

        if (!Enum.IsDefined(c.Mode) || !Enum.IsDefined(c.Risk))
        {
            return Refuse(c, LedgerError.InvalidRequest, "unknown wallet mode or risk tolerance");
        }

        var address = WalletAddress.Derive(c.Organisation, c.IdempotencyKey);
        if (wallets.ContainsKey(address))
        {
            return LedgerResult.Ok(c.Kind, 0) with { Repeated = true, Address = address };
        }

        var wallet = new Wallet(address, c.Organisation, c.Mode, c.Risk, at);
        wallets[address] = wallet;
        batch.Wallet(wallet);
        return LedgerResult.Ok(c.Kind, ++LastOperationId) with { Address = address };
    }

    private LedgerResult UpdateWallet(LedgerCommand.UpdateWallet c, LedgerBatchBuilder batch)
    {
        if (c.Address is null || !wallets.TryGetValue(c.Address, out var w))
        {
            return Refuse(c, LedgerError.UnknownWallet, $"no wallet {c.Address}");
        }

        if (!Enum.IsDefined(c.Mode) || !Enum.IsDefined(c.Risk))
        {
            return Refuse(c, LedgerError.InvalidRequest, "unknown wallet mode or risk tolerance");
        }

        var updated = w with { Mode = c.Mode, Risk = c.Risk };
        wallets[w.Address] = updated;
        batch.Wallet(updated);
        return LedgerResult.Ok(c.Kind, ++LastOperationId) with { Address = w.Address };
    }

    private LedgerResult CreateToken(LedgerCommand.CreateToken c, LedgerBatchBuilder batch)
    {
        if (TokenSymbol.Problem(c.Symbol) is { } sp)
        {
            return Refuse(c, LedgerError.InvalidSymbol, sp);
        }

        if (tokens.ContainsKey(c.Symbol))
        {
            return Refuse(c, LedgerError.DuplicateToken, $"token {c.Symbol} already exists");
        }

        if (string.IsNullOrWhiteSpace(c.Name) || c.Name.Length > 200 || string.IsNullOrWhiteSpace(c.StrategyId) || c.StrategyId.Length > 200)
        {
            return Refuse(c, LedgerError.InvalidRequest, "name and strategy id are required (at most 200 characters)");
        }

        if (PriceProblem(c.InitialNav) is { } np)
        {
            return Refuse(c, LedgerError.InvalidAmount, "initial NAV: " + np);
        }

        if (c.Fees is null)
        {
            return Refuse(c, LedgerError.InvalidRequest, "a fee schedule is required");
        }

        var token = new StrategyToken(c.Symbol, c.Name, c.StrategyId, TokenStatus.Proving, c.Fees, c.InceptionDate, c.InitialNav, c.InitialNav, c.InceptionDate, c.InceptionDate);
        tokens[c.Symbol] = token;
        batch.Token(token);
        return LedgerResult.Ok(c.Kind, ++LastOperationId) with { Symbol = c.Symbol, NavPerShare = c.InitialNav };
    }

    private LedgerResult ChangeStatus(LedgerCommand.ChangeTokenStatus c, LedgerBatchBuilder batch)
    {
        if (c.Symbol is null || !tokens.TryGetValue(c.Symbol, out var t))
        {
            return Refuse(c, LedgerError.UnknownToken, $"no token {c.Symbol}");
        }

        if (!TokenLifecycle.CanTransition(t.Status, c.Status))
        {
            return Refuse(c, LedgerError.IllegalTransition, $"{t.Symbol} cannot go from {t.Status} to {c.Status}");
        }

        var updated = t with { Status = c.Status };
        tokens[t.Symbol] = updated;
        batch.Token(updated);
        return LedgerResult.Ok(c.Kind, ++LastOperationId) with { Symbol = t.Symbol, NavPerShare = NavPerShare(t.Symbol) };
    }

    private LedgerResult Deposit(LedgerCommand.Deposit c, DateTimeOffset at, LedgerBatchBuilder batch)
    {
        if (Admit(c, c.IdempotencyKey, at) is { } early)
        {
            return early;
        }

        if (CashProblem(c.Amount) is { } ap)
        {
            return Refuse(c, LedgerError.InvalidAmount, ap);
        }

        if (c.Address is null || !wallets.ContainsKey(c.Address))
        {
            return Refuse(c, LedgerError.UnknownWallet, $"no wallet {c.Address}");
        }

        var wallet = LedgerAccount.Wallet(c.Address);
        if (Balance(wallet, LedgerUnit.Usd) + c.Amount.Amount > AmountRules.MaxCashBalance)
        {
            return Refuse(c, LedgerError.InvalidAmount, "the wallet balance would exceed what the ledger stores");
        }

        legs.Clear();
        legs.Add(new Leg(EntryKind.Deposit, "", LedgerUnit.Usd, LedgerAccount.External, wallet, c.Amount.Amount));
        return Commit(c.Kind, c.IdempotencyKey, at, batch);
    }

    private LedgerResult Withdraw(LedgerCommand.Withdraw c, DateTimeOffset at, LedgerBatchBuilder batch)
    {
        if (Admit(c, c.IdempotencyKey, at) is { } early)
        {
            return early;
        }

        if (CashProblem(c.Amount) is { } ap)
        {
            return Refuse(c, LedgerError.InvalidAmount, ap);
        }

        if (c.Address is null || !wallets.ContainsKey(c.Address))
        {
            return Refuse(c, LedgerError.UnknownWallet, $"no wallet {c.Address}");
        }

        var wallet = LedgerAccount.Wallet(c.Address);
        if (Balance(wallet, LedgerUnit.Usd) < c.Amount.Amount)
        {
            return Refuse(c, LedgerError.InsufficientCash, $"wallet has {CashOf(c.Address)}, asked to withdraw {c.Amount}");
        }

        legs.Clear();
        legs.Add(new Leg(EntryKind.Withdraw, "", LedgerUnit.Usd, wallet, LedgerAccount.External, c.Amount.Amount));
        return Commit(c.Kind, c.IdempotencyKey, at, batch);
    }

    private LedgerResult Buy(LedgerCommand.Buy c, DateTimeOffset at, LedgerBatchBuilder batch)
    {
        if (Admit(c, c.IdempotencyKey, at) is { } early)
        {
            return early;
        }

        if (CashProblem(c.Cash) is { } ap)
        {
            return Refuse(c, LedgerError.InvalidAmount, ap);
        }

        if (c.Address is null || !wallets.ContainsKey(c.Address))
        {
            return Refuse(c, LedgerError.UnknownWallet, $"no wallet {c.Address}");
        }

        if (c.Symbol is null || !tokens.TryGetValue(c.Symbol, out var token))
        {
            return Refuse(c, LedgerError.UnknownToken, $"no token {c.Symbol}");
        }

        if (!TokenLifecycle.CanBuy(token.Status))
        {
            return Refuse(c, LedgerError.TokenNotTradable, $"{token.Symbol} is {token.Status}; buying needs an active token");
        }

        var wallet = LedgerAccount.Wallet(c.Address);
        if (Balance(wallet, LedgerUnit.Usd) < c.Cash.Amount)
        {
            return Refuse(c, LedgerError.InsufficientCash, $"wallet has {CashOf(c.Address)}, asked to spend {c.Cash}");
        }

        var fee = FeeCalculator.TradeFee(c.Cash, token.Fees).Amount;
        var net = c.Cash.Amount - fee;
        var supply = Supply(token.Symbol).Value;
        var gav = GrossAssetValue(token.Symbol).Amount;

        // ERC-4626 deposit with a virtual offset: shares = floor₈(net × (supply + V) / (GAV + V·R)).
        var shares = SharePricing.SharesIssued(net, gav, supply, token.ReferenceNav);
        if (shares <= 0m)
        {
            return Refuse(c, LedgerError.InvalidAmount, $"{c.Cash} buys less than one unit (10^-8) of {token.Symbol}");
        }

        if (supply + shares > AmountRules.MaxShares || gav + net > AmountRules.MaxCashBalance)
        {
            return Refuse(c, LedgerError.InvalidAmount, "the fund would exceed what the ledger stores");
        }

        if (supply == 0m)
        {
            // The first subscription into a fund with no shares outstanding starts the performance-fee mark at the
            // NAV it buys at: no holder pays a performance fee on a gain made before they held (docs/readme/02-ledger.md).
            SetToken(token with { HighWaterMark = NavPerShare(token.Symbol), HighWaterMarkDate = token.LastFeeDate, HurdleIndex = 1m }, batch);
        }

        var unit = LedgerUnit.SharesOf(token.Symbol);
        legs.Clear();
        legs.Add(new Leg(EntryKind.Buy, "", LedgerUnit.Usd, wallet, LedgerAccount.Fund(token.Symbol), net));
        if (fee > 0m)
        {
            legs.Add(new Leg(EntryKind.Fee, FeeMemo.Trade, LedgerUnit.Usd, wallet, LedgerAccount.Revenue, fee));
        }

        legs.Add(new Leg(EntryKind.Mint, "", unit, LedgerAccount.Issuance(token.Symbol), wallet, shares));
        return Commit(c.Kind, c.IdempotencyKey, at, batch, token.Symbol);
    }

    private LedgerResult Sell(LedgerCommand.Sell c, DateTimeOffset at, LedgerBatchBuilder batch)
    {
        if (Admit(c, c.IdempotencyKey, at) is { } early)
        {
            return early;
        }

        if (AmountRules.Problem(c.Shares.Value, Shares.Scale, "shares") is { } ap)
        {
            return Refuse(c, LedgerError.InvalidAmount, ap);
        }

        if (c.Address is null || !wallets.ContainsKey(c.Address))
        {
            return Refuse(c, LedgerError.UnknownWallet, $"no wallet {c.Address}");
        }

        if (c.Symbol is null || !tokens.TryGetValue(c.Symbol, out var token))
        {
            return Refuse(c, LedgerError.UnknownToken, $"no token {c.Symbol}");
        }

        if (!TokenLifecycle.CanSell(token.Status))
        {
            return Refuse(c, LedgerError.TokenNotTradable, $"{token.Symbol} is {token.Status}");
        }

        var wallet = LedgerAccount.Wallet(c.Address);
        var unit = LedgerUnit.SharesOf(token.Symbol);
        var held = Balance(wallet, unit);
        if (held < c.Shares.Value)
        {
            return Refuse(c, LedgerError.InsufficientShares, $"wallet holds {held} {token.Symbol}, asked to sell {c.Shares}");
        }

        var supply = Supply(token.Symbol).Value;
        var gav = GrossAssetValue(token.Symbol).Amount;

        // ERC-4626 redeem with a virtual offset: gross = floor₂(shares × (GAV + V·R) / (supply + V)), at most GAV.
        // Selling the wallet's whole holding always goes through, so no dust is left: shares worth less than a cent
        // are burned for nothing (their value stays with the fund).
        var gross = SharePricing.CashPaidOut(c.Shares.Value, gav, supply, token.ReferenceNav);
        if (gross <= 0m && c.Shares.Value < held)
        {
            return Refuse(c, LedgerError.InvalidAmount, $"{c.Shares} {token.Symbol} are worth less than one cent (sell the whole holding to close it)");
        }

        var fee = FeeCalculator.TradeFee(Money.Usd(gross), token.Fees).Amount;
        legs.Clear();
        legs.Add(new Leg(EntryKind.Burn, "", unit, wallet, LedgerAccount.Issuance(token.Symbol), c.Shares.Value));
        if (gross > 0m)
        {
            legs.Add(new Leg(EntryKind.Sell, "", LedgerUnit.Usd, LedgerAccount.Fund(token.Symbol), wallet, gross));
        }

        if (fee > 0m)
        {
            legs.Add(new Leg(EntryKind.Fee, FeeMemo.Trade, LedgerUnit.Usd, wallet, LedgerAccount.Revenue, fee));
        }

        return Commit(c.Kind, c.IdempotencyKey, at, batch, token.Symbol);
    }

    private LedgerResult Revalue(LedgerCommand.Revalue c, DateTimeOffset at, LedgerBatchBuilder batch)
    {
        if (Admit(c, c.IdempotencyKey, at) is { } early)
        {
            return early;
        }

        if (PriceProblem(c.NavPerShare) is { } ap)
        {
            return Refuse(c, LedgerError.InvalidAmount, ap);
        }

        if (c.Symbol is null || !tokens.TryGetValue(c.Symbol, out var token))
        {
            return Refuse(c, LedgerError.UnknownToken, $"no token {c.Symbol}");
        }

        var supply = Supply(token.Symbol).Value;
        var gav = GrossAssetValue(token.Symbol).Amount;
        var target = supply > 0m ? RoundingPolicy.ValueDown(c.NavPerShare.Value * supply, Currency.Usd) : 0m;
        if (target > AmountRules.MaxCashBalance)
        {
            return Refuse(c, LedgerError.InvalidAmount, "the fund would exceed what the ledger stores");
        }

        legs.Clear();
        if (target > gav)
        {
            legs.Add(new Leg(EntryKind.Revalue, "", LedgerUnit.Usd, LedgerAccount.Market(token.Symbol), LedgerAccount.Fund(token.Symbol), target - gav));
        }
        else if (target < gav)
        {
            legs.Add(new Leg(EntryKind.Revalue, "", LedgerUnit.Usd, LedgerAccount.Fund(token.Symbol), LedgerAccount.Market(token.Symbol), gav - target));
        }

        // The struck NAV becomes the reference NAV the virtual shares are valued at: the price is then
        // (floor₂(NAV × supply) + V·NAV) / (supply + V), within 0.01 / (supply + V) of the NAV.
        SetToken(token with { ReferenceNav = c.NavPerShare }, batch);
        return Commit(c.Kind, c.IdempotencyKey, at, batch, token.Symbol);
    }

    private LedgerResult AccrueFees(LedgerCommand.AccrueFees c, DateTimeOffset at, LedgerBatchBuilder batch)
    {
        if (Admit(c, c.IdempotencyKey, at) is { } early)
        {
            return early;
        }

        if (c.Symbol is null || !tokens.TryGetValue(c.Symbol, out var token))
        {
            return Refuse(c, LedgerError.UnknownToken, $"no token {c.Symbol}");
        }

        if (c.AsOf < token.LastFeeDate)
        {
            return Refuse(c, LedgerError.InvalidRequest, $"{token.Symbol} fees are already accrued to {token.LastFeeDate:yyyy-MM-dd}");
        }

        if (c.HurdleDailyRate < 0m || c.HurdleDailyRate >= 0.01m || !RoundingPolicy.FitsScale(c.HurdleDailyRate, FeeCalculator.HurdleIndexScale))
        {
            return Refuse(c, LedgerError.InvalidAmount, $"a daily hurdle rate is in [0, 0.01) with at most {FeeCalculator.HurdleIndexScale} decimals");
        }

        var days = c.AsOf.DayNumber - token.LastFeeDate.DayNumber;
        var gav = GrossAssetValue(token.Symbol);
        var supply = Supply(token.Symbol);
        var management = supply.IsZero ? Money.Usd(0m) : FeeCalculator.ManagementFee(gav, token.Fees, days);
        var afterManagement = gav - management;
        var updated = token with { LastFeeDate = c.AsOf };
        if (token.Fees.Hurdle != PerformanceHurdle.None && days > 0)
        {
            updated = updated with { HurdleIndex = FeeCalculator.GrowHurdleIndex(token.HurdleIndex, c.HurdleDailyRate, days) };
        }

        var closedThrough = FeeCalculator.CrystallisationThrough(token.Fees.Crystallisation, token.LastCrystallisationDate, c.AsOf, c.ClosesPeriod);
        var performance = Money.Usd(0m);
        if (closedThrough is { } through)
        {
            var mark = updated.HurdleMark;
            performance = FeeCalculator.PerformanceFee(afterManagement, supply, mark, token.Fees);
            updated = updated with { LastCrystallisationDate = through };
            if (!supply.IsZero && afterManagement.Amount > mark.Value * supply.Value)
            {
                // Above the mark: the mark resets to the post-fee price and the hurdle starts again from it.
                updated = updated with
                {
                    HighWaterMark = FeeCalculator.HighWaterMarkAfter(afterManagement - performance, supply),
                    HighWaterMarkDate = c.AsOf,
                    HurdleIndex = 1m,
                };
            }
        }

        // The virtual shares pay the same fraction of the fund as the real ones (see SharePricing.ReferenceAfterFees).
        updated = updated with { ReferenceNav = SharePricing.ReferenceAfterFees(token.ReferenceNav, gav.Amount, (afterManagement - performance).Amount) };

        legs.Clear();
        if (!management.IsZero)
        {
            legs.Add(new Leg(EntryKind.Fee, FeeMemo.Management, LedgerUnit.Usd, LedgerAccount.Fund(token.Symbol), LedgerAccount.Revenue, management.Amount));
        }

        if (!performance.IsZero)
        {
            legs.Add(new Leg(EntryKind.Fee, FeeMemo.Performance, LedgerUnit.Usd, LedgerAccount.Fund(token.Symbol), LedgerAccount.Revenue, performance.Amount));
        }

        SetToken(updated, batch);
        return Commit(c.Kind, c.IdempotencyKey, at, batch, token.Symbol);
    }

    private static string? CashProblem(Money amount) =>
        amount.Currency != Currency.Usd
            ? $"the ledger's cash is USD, not {amount.Currency.Code ?? "(none)"}"
            : AmountRules.Problem(amount.Amount, Currency.Usd.Scale, "USD");

    private static string? PriceProblem(UnitPrice price) =>
        price.Value > AmountRules.MaxUnitPrice ? "a unit price may not exceed 1e9 USD" : AmountRules.Problem(price.Value, UnitPrice.Scale, "a unit price");

    private void SetToken(StrategyToken token, LedgerBatchBuilder batch)
    {
        tokens[token.Symbol] = token;
        batch.Token(token);
    }

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

    /// <summary>Applies one operation's entries (live or replayed) and returns the result they describe.</summary>
    private LedgerResult ApplyOperation(List<LedgerEntry> entries)
    {
        var first = entries[0];
        if (first.Sequence != LastSequence + 1)
        {
            throw new DomainException(Outcome.LedgerSequence, $"entry {first.Sequence} does not follow {LastSequence}");
        }

        if (IsTreasuryOperation(first.Operation))
        {
            return ApplyTreasuryOperation(entries);
        }

        var kind = first.Operation;
        decimal cash = 0m, fee = 0m, shares = 0m, management = 0m, performance = 0m, revalue = 0m;
        string? address = null, symbol = null;
        foreach (var e in entries)
        {
            switch (e.Kind)
            {
                case EntryKind.Deposit:
                    cash += e.Amount;
                    address = e.To.Owner;
                    break;
                case EntryKind.Withdraw:
                    cash += e.Amount;
                    address = e.From.Owner;
                    break;
                case EntryKind.Buy:
                    cash += e.Amount;
                    address = e.From.Owner;
                    symbol = e.To.Owner;
                    break;
                case EntryKind.Sell:
                    cash += e.Amount;
                    address = e.To.Owner;
                    symbol = e.From.Owner;
                    break;
                case EntryKind.Mint:
                    shares += e.Amount;
                    symbol = e.Unit.Code;
                    break;
                case EntryKind.Burn:
                    shares += e.Amount;
                    symbol = e.Unit.Code;
                    address = e.From.Owner; // a sale of shares worth less than a cent has no Sell leg
                    break;
                case EntryKind.Fee:
                    fee += e.Amount;
                    if (e.Memo == FeeMemo.Management)
                    {
                        management += e.Amount;
                        symbol = e.From.Owner;
                    }
                    else if (e.Memo == FeeMemo.Performance)
                    {
                        performance += e.Amount;
                        symbol = e.From.Owner;
                    }

                    break;
                case EntryKind.Revalue:
                    revalue += e.To.Id.StartsWith("fund:", StringComparison.Ordinal) ? e.Amount : -e.Amount;
                    symbol = e.To.Id.StartsWith("fund:", StringComparison.Ordinal) ? e.To.Owner : e.From.Owner;
                    break;
                default:
                    throw new DomainException(Outcome.LedgerEntryKind, $"unknown entry kind {e.Kind}");
            }
        }

        // Holdings (cost basis, realised P&L) change before balances, since a sale needs the shares held before it.
        if (kind == LedgerOperationKind.Buy && address is not null && symbol is not null)
        {
            var book = Book(address, symbol);
            book.Cost += cash + fee;
            cash += fee;
        }
        else if (kind == LedgerOperationKind.Sell && address is not null && symbol is not null)
        {
            var book = Book(address, symbol);
            var held = Balance(LedgerAccount.Wallet(address), LedgerUnit.SharesOf(symbol));
            var portion = shares == held ? book.Cost : RoundingPolicy.Cents(book.Cost * shares / held);
            cash -= fee;
            book.Cost -= portion;
            book.Realised += cash - portion;
        }
        else if (kind == LedgerOperationKind.Revalue)
        {
            cash = revalue;
        }

        if ((kind is LedgerOperationKind.Buy or LedgerOperationKind.Sell) && address is not null)
        {
            CountTrade(address, DateOnly.FromDateTime(first.At.UtcDateTime).DayNumber);
        }

        foreach (var e in entries)
        {
            Move(e.From, e.Unit, -e.Amount);
            Move(e.To, e.Unit, e.Amount);
        }

        LastSequence = entries[^1].Sequence;
        LastHash = entries[^1].Hash;
        LastOperationId = Math.Max(LastOperationId, first.OperationId);

        var result = new LedgerResult(
            kind, LedgerError.None, null, first.OperationId, false, Shared(address), SharedSymbol(symbol),
            Money.Usd(cash), Money.Usd(fee), Shares.Of(shares),
            symbol is null ? UnitPrice.Of(0m) : NavPerShare(symbol),
            Money.Usd(management), Money.Usd(performance));
        memory.Remember(first.IdempotencyKey, result, first.At);
        return result;
    }

    /// <summary>The wallet's own address string (a remembered result then holds no copy of it).</summary>
    private string? Shared(string? address) => address is not null && wallets.TryGetValue(address, out var w) ? w.Address : address;

    private string? SharedSymbol(string? symbol) => symbol is not null && tokens.TryGetValue(symbol, out var t) ? t.Symbol : symbol;

    private void CountTrade(string address, int day)
    {
        var (last, count) = tradesByDay.GetValueOrDefault(address);
        if (day > last)
        {
            tradesByDay[address] = (day, 1);
        }
        else if (day == last)
        {
            tradesByDay[address] = (day, count + 1);
        }
    }

    private HoldingBook Book(string address, string symbol)
    {
        if (!holdings.TryGetValue((address, symbol), out var book))
        {
            book = new HoldingBook();
            holdings[(address, symbol)] = book;
        }

        return book;
    }

    private void Move(LedgerAccount account, LedgerUnit unit, decimal delta)
    {
        var key = new BalanceKey(account, unit);
        var before = balances.GetValueOrDefault(key);
        var after = before + delta;
        if (after < 0m && !account.IsContra)
        {
            throw new DomainException(Outcome.LedgerNegativeBalance, $"{account} would hold {after} {unit}");
        }

        balances[key] = after;
        if (!unit.IsCash && account.IsWallet)
        {
            if (before <= 0m && after > 0m)
            {
                holderCounts[unit.Code] = holderCounts.GetValueOrDefault(unit.Code) + 1;
            }
            else if (before > 0m && after <= 0m)
            {
                holderCounts[unit.Code] = holderCounts.GetValueOrDefault(unit.Code) - 1;
            }
        }
    }

    private readonly record struct Leg(EntryKind Kind, string Memo, LedgerUnit Unit, LedgerAccount From, LedgerAccount To, decimal Amount);

    private sealed class HoldingBook
    {
        public decimal Cost { get; set; }

        public decimal Realised { get; set; }
    }
}
