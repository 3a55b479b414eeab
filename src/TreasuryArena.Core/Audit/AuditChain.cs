using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace TreasuryArena.Core.Audit;

/// <summary>
/// The tamper-evident hash chain: each entry's hash is SHA-256 over its canonical text (fields joined by a unit
/// separator, instants as UTC ticks) and the previous entry's hash; the first entry chains to <see cref="Genesis"/>.
/// Changing, removing or reordering any entry breaks every hash after it.
/// </summary>
public static class AuditChain
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public static string ComputeHash(long sequence, DateTimeOffset at, AuditRecord record, string previousHash)
    {
        ArgumentNullException.ThrowIfNull(record);
        var canonical = string.Join(
            '\u001f',
            sequence.ToString(CultureInfo.InvariantCulture),
            at.UtcTicks.ToString(CultureInfo.InvariantCulture),
            record.Actor,
            record.Action,
            record.Subject,
            record.Outcome.ToString(),
            record.Detail,
            previousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    public static AuditEntry Link(long sequence, DateTimeOffset at, AuditRecord record, string previousHash)
    {
        ArgumentNullException.ThrowIfNull(record);
        var hash = ComputeHash(sequence, at, record, previousHash);
        return new AuditEntry(sequence, at, record.Actor, record.Action, record.Subject, record.Outcome, record.Detail, previousHash, hash);
    }

    /// <summary>Walks entries in sequence order and reports the first break, if any.</summary>
    public static AuditVerification Verify(IEnumerable<AuditEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var verifier = new AuditChainVerifier();
        foreach (var e in entries)
        {
            if (!verifier.Add(e))
            {
                break;
            }
        }

        return verifier.Result;
    }
}
