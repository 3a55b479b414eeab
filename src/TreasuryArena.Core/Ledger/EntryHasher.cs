using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using TreasuryArena.Core.Common;

namespace TreasuryArena.Core.Ledger;

/// <summary>
/// The hash chain. Canonical bytes of an entry: UTF-8 of the fields joined by <c>'|'</c> in this order:
/// sequence, operation id, operation kind, idempotency key, entry kind, memo, unit, from, to, amount as a scaled
/// integer at the unit's scale, instant as UTC ticks, previous hash. The entry's hash is SHA-256 of those bytes as
/// lower-case hex. Changing, removing or reordering any entry breaks the chain from there on.
/// <para>Canonical forms are versioned. Form 1 (above) is that of entries without a valuation date, every entry written
/// before migration 0430, so their hashes verify as written. Form 2 is the entry's form when it carries a valuation
/// date: <c>v2</c>, then the fields of form 1 in the same order, then the valuation date as <c>yyyy-MM-dd</c>; the date
/// is covered by the hash, and an entry of form 2 cannot be passed off as form 1 (the text differs, so does the hash).</para>
/// </summary>
public static class EntryHasher
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public static string Compute(
        long sequence, long operationId, LedgerOperationKind operation, string key, EntryKind kind, string memo,
        LedgerUnit unit, LedgerAccount from, LedgerAccount to, decimal amount, DateTimeOffset at, string previousHash, DateOnly? valuationDate = null)
    {
        var text = string.Join(
            '|',
            sequence.ToString(CultureInfo.InvariantCulture),
            operationId.ToString(CultureInfo.InvariantCulture),
            operation.ToString(),
            key,
            kind.ToString(),
            memo,
            unit.Code,
            from.Id,
            to.Id,
            RoundingPolicy.ToScaled(amount, unit.Scale).ToString(CultureInfo.InvariantCulture),
            at.UtcTicks.ToString(CultureInfo.InvariantCulture),
            previousHash);
        if (valuationDate is { } date)
        {
            text = "v2|" + text + "|" + date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        return Convert.ToHexStringLower(hash);
    }

    public static string Compute(LedgerEntry e) =>
        Compute(e.Sequence, e.OperationId, e.Operation, e.IdempotencyKey, e.Kind, e.Memo, e.Unit, e.From, e.To, e.Amount, e.At, e.PreviousHash, e.ValuationDate);
}
