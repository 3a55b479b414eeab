namespace TreasuryArena.Infrastructure.Storage.Backup;

/// <summary>One backed-up table: its name, its columns in order, and how many rows the backup holds.</summary>
public sealed record BackupTable(string Name, IReadOnlyList<BackupColumn> Columns, long Rows);
