namespace TreasuryArena.Infrastructure.Storage.Backup;

/// <summary>
/// A finished restore: the backup it came from, the target, how it was copied (<c>sqlite-backup-api</c> page copy or a
/// <c>logical</c> row copy in one transaction) and each table's row count in the target, checked equal to the backup's.
/// </summary>
public sealed record RestoreSummary(BackupSummary Backup, string Target, string TargetEngine, string Method, IReadOnlyList<BackupTable> Tables, LedgerHeadInfo? LedgerHead);
