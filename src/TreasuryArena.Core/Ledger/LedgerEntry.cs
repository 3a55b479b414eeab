namespace TreasuryArena.Core.Ledger;

/// <summary>
/// One immutable, append-only posting: <see cref="Amount"/> of <see cref="Unit"/> moves from <see cref="From"/> to
/// <see cref="To"/>. The entries of one operation share <see cref="OperationId"/> and are contiguous.
/// <see cref="Hash"/> = SHA-256 over the canonical bytes of every other field and <see cref="PreviousHash"/>
/// (see <see cref="EntryHasher"/>).
/// <para><see cref="ValuationDate"/> is the business date the entry was priced at (a buy or sell: the date of the
/// token's NAV it traded at; a NAV step or fee accrual: the NAV date; a deposit, withdrawal or treasury operation: the
/// platform date, see <see cref="Ports.IBusinessClock"/>), beside the wall-clock instant <see cref="At"/>. Entries
/// written before valuation dates existed (migration 0430) have none and hash in the first canonical form.</para>
/// </summary>
/// <param name="Sequence">1, 2, 3… without gaps.</param>
/// <param name="OperationId">The operation this entry belongs to.</param>
/// <param name="Operation">The operation's kind.</param>
/// <param name="IdempotencyKey">The operation's idempotency key.</param>
/// <param name="Kind">Transaction type.</param>
/// <param name="Memo">Fee kind (<c>trade</c>, <c>management</c>, <c>performance</c>) or empty.</param>
/// <param name="Unit">USD or a token's shares.</param>
/// <param name="From">Debited account.</param>
/// <param name="To">Credited account.</param>
/// <param name="Amount">Positive, at most the unit's scale in decimals.</param>
/// <param name="At">UTC instant, whole microseconds.</param>
/// <param name="PreviousHash">The previous entry's hash (64 zeros for the first).</param>
/// <param name="Hash">This entry's hash, lower-case hex.</param>
public sealed record LedgerEntry(
    long Sequence,
    long OperationId,
    LedgerOperationKind Operation,
    string IdempotencyKey,
    EntryKind Kind,
    string Memo,
    LedgerUnit Unit,
    LedgerAccount From,
    LedgerAccount To,
    decimal Amount,
    DateTimeOffset At,
    string PreviousHash,
    string Hash)
{
    /// <summary>The business date the entry was priced at; null on entries written before migration 0430.</summary>
    public DateOnly? ValuationDate { get; init; }

    /// <summary>The valuation date, or the UTC date of <see cref="At"/> for an entry written before valuation dates.</summary>
    public DateOnly BusinessDate => ValuationDate ?? DateOnly.FromDateTime(At.UtcDateTime);
}
