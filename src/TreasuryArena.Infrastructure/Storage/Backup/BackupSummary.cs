namespace TreasuryArena.Infrastructure.Storage.Backup;

/// <summary>
/// What a backup file holds (written by <c>arena backup</c>, read back by <c>arena restore</c>): the engine it came
/// from, its format (<see cref="DatabaseBackup.SqliteFormat"/> or <see cref="PortableBackupFile.Format"/>), the schema
/// version (last migration) and every migration applied, when it was taken, each table's row count, the ledger head,
/// the file's size and the SHA-256 of its content.
/// </summary>
public sealed record BackupSummary(
    string File,
    string Engine,
    string Format,
    int SchemaVersion,
    IReadOnlyList<int> Migrations,
    DateTimeOffset CreatedAt,
    IReadOnlyList<BackupTable> Tables,
    LedgerHeadInfo? LedgerHead,
    long Bytes,
    string Sha256)
{
    /// <summary>Rows in every table together.</summary>
    public long TotalRows => Tables.Sum(t => t.Rows);
}
