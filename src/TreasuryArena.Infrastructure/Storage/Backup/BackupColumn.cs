namespace TreasuryArena.Infrastructure.Storage.Backup;

/// <summary>One column of a backed-up table: its name and what it holds.</summary>
public sealed record BackupColumn(string Name, BackupColumnKind Kind);
