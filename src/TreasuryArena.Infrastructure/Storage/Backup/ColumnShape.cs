namespace TreasuryArena.Infrastructure.Storage.Backup;

/// <summary>A column as the database declares it: name, what it holds, and the engine's own type name.</summary>
internal sealed record ColumnShape(string Name, BackupColumnKind Kind, string DbType);
