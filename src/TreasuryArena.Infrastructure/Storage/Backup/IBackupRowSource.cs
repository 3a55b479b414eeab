namespace TreasuryArena.Infrastructure.Storage.Backup;

/// <summary>
/// The rows of a backup, table by table, for a logical restore: a portable file (<see cref="PortableBackupReader"/>) or
/// a SQLite backup restored into PostgreSQL (<see cref="SqliteRowSource"/>). Values are <see cref="long"/>,
/// <see cref="string"/>, <see cref="DateTimeOffset"/>, <see cref="DateOnly"/>, <see cref="double"/> or null.
/// </summary>
internal interface IBackupRowSource : IAsyncDisposable
{
    /// <summary>Read the tables in this order, each once.</summary>
    IReadOnlyList<BackupTable> Tables { get; }

    IAsyncEnumerable<object?[]> RowsAsync(BackupTable table, CancellationToken ct);
}
