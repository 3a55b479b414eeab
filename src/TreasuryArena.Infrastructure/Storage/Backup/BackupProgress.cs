namespace TreasuryArena.Infrastructure.Storage.Backup;

/// <summary>Where a backup or restore is: the table being copied, its rows copied so far and its row count.</summary>
public readonly record struct BackupProgress(string Table, long Rows, long TotalRows);
