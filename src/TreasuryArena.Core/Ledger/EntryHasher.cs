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
/// </summary>
public static class EntryHasher
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public static string Compute(
        long sequence, long operationId, LedgerOperationKind operation, string key, EntryKind kind, string memo,
        LedgerUnit unit, LedgerAccount from, LedgerAccount to, decimal amount, DateTimeOffset at, string previousHash)
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
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        return Convert.ToHexStringLower(hash);
    }

    public static string Compute(LedgerEntry e) =>
        Compute(e.Sequence, e.OperationId, e.Operation, e.IdempotencyKey, e.Kind, e.Memo, e.Unit, e.From, e.To, e.Amount, e.At, e.PreviousHash);
}
