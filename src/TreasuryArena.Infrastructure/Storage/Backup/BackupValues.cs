using System.Globalization;
using TreasuryArena.Core.Common;

namespace TreasuryArena.Infrastructure.Storage.Backup;

/// <summary>
/// Turns a backed-up value into what the target column stores, so a backup restores into either engine: an instant
/// is <c>timestamptz</c> in PostgreSQL and UTC ticks in SQLite, a date is <c>date</c> in PostgreSQL and ISO text in
/// SQLite. Instants keep microseconds (PostgreSQL's precision; the ledger writes no finer ones).
/// </summary>
internal static class BackupValues
{
    public static object? ToTarget(object? value, ColumnShape target, string table) => value switch
    {
        null or DBNull => null,
        long l => target.Kind switch
        {
            BackupColumnKind.Integer => target.DbType switch
            {
                "integer" => checked((int)l),
                "smallint" => checked((short)l),
                _ => l,
            },
            BackupColumnKind.Instant => Microseconds(new DateTimeOffset(l, TimeSpan.Zero)),
            BackupColumnKind.Real => (double)l,
            _ => Mismatch(value, target, table),
        },
        string s => target.Kind switch
        {
            BackupColumnKind.Text => s,
            BackupColumnKind.Date => DateOnly.ParseExact(s, PortableBackupFile.DateFormat, CultureInfo.InvariantCulture),
            _ => Mismatch(value, target, table),
        },
        DateTimeOffset t => target.Kind switch
        {
            BackupColumnKind.Instant => Microseconds(t),
            BackupColumnKind.Integer => t.UtcTicks,
            _ => Mismatch(value, target, table),
        },
        DateOnly d => target.Kind switch
        {
            BackupColumnKind.Date => d,
            BackupColumnKind.Text => d.ToString(PortableBackupFile.DateFormat, CultureInfo.InvariantCulture),
            _ => Mismatch(value, target, table),
        },
        double r when target.Kind == BackupColumnKind.Real => r,
        _ => Mismatch(value, target, table),
    };

    private static DateTimeOffset Microseconds(DateTimeOffset t)
    {
        var ticks = t.UtcTicks;
        return new DateTimeOffset(ticks - (ticks % 10), TimeSpan.Zero);
    }

    private static object Mismatch(object value, ColumnShape target, string table) =>
        throw new DomainException(Outcome.BackupInvalid, string.Create(CultureInfo.InvariantCulture,
            $"{table}.{target.Name}: a {value.GetType().Name} value cannot go into a {target.DbType} column"));
}
