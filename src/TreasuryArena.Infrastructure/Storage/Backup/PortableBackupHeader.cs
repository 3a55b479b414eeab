namespace TreasuryArena.Infrastructure.Storage.Backup;

/// <summary>
/// The first line of a portable backup file (<see cref="PortableBackupFile"/>), a JSON object in snake_case. The
/// content's SHA-256 comes last: the writer leaves 64 zeros there and fills it in once the content is written.
/// </summary>
internal sealed record PortableBackupHeader(
    string Format,
    int FormatVersion,
    string Engine,
    string Source,
    DateTimeOffset CreatedAt,
    int SchemaVersion,
    IReadOnlyList<int> Migrations,
    LedgerHeadInfo? LedgerHead,
    IReadOnlyList<BackupTable> Tables,
    string ContentSha256);
