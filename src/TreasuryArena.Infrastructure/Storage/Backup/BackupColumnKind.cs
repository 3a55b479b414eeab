namespace TreasuryArena.Infrastructure.Storage.Backup;

/// <summary>
/// What a column holds, as the portable backup format writes it: <c>integer</c> (a JSON number, 64-bit), <c>text</c> (a
/// JSON string), <c>instant</c> (an ISO 8601 UTC string with 7 fractional digits, <c>timestamptz</c> in PostgreSQL),
/// <c>date</c> (<c>yyyy-MM-dd</c>, <c>date</c> in PostgreSQL) and <c>real</c> (a JSON number, a double). Every column
/// may be null.
/// </summary>
#pragma warning disable CA1720 // The members name the backup format's column types ("integer"), a documented file format.
public enum BackupColumnKind
{
    Integer,
    Text,
    Instant,
    Date,
    Real,
}
#pragma warning restore CA1720
