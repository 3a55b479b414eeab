using TreasuryArena.Core.Common;

namespace TreasuryArena.Core.Ledger;

/// <summary>
/// Replay and catch-up: rebuilding the state from stored entries (a restart, another process's tail) and applying one
/// operation's entries, the same code for live commands and replayed ones (balances, holdings, trade counts, the chain
/// head and the idempotency keys).
/// </summary>
public sealed partial class LedgerState
{
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
            tokens.Set(t);
        }

        foreach (var w in tail.Wallets)
        {
            wallets.Set(w);
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
            var book = wallets.Book(address, symbol);
            book.Cost += cash + fee;
            cash += fee;
        }
        else if (kind == LedgerOperationKind.Sell && address is not null && symbol is not null)
        {
            var book = wallets.Book(address, symbol);
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
            wallets.CountTrade(address, DateOnly.FromDateTime(first.At.UtcDateTime).DayNumber);
        }

        foreach (var e in entries)
        {
            balances.Apply(e);
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
    private string? Shared(string? address) => address is not null && wallets.TryGet(address, out var w) ? w.Address : address;

    private string? SharedSymbol(string? symbol) => symbol is not null && tokens.TryGet(symbol, out var t) ? t.Symbol : symbol;
}
