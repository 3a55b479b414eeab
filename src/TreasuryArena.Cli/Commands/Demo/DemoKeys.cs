using System.Text.Json;

namespace TreasuryArena.Cli.Commands.Demo;

/// <summary>
/// The demo's sign-in keys, kept in plaintext in a keys file (owner-only file mode: <c>NAME-demo-keys.json</c> beside a
/// SQLite demo database, <c>data/postgres-DATABASE-demo-keys.json</c> for PostgreSQL, or <c>--keys-file</c>; see
/// <see cref="DemoTarget"/>), printed once by <c>arena demo</c>. The database itself stores only their hashes.
/// <c>arena serve</c> never prints them, only where the file is. Demo only: real keys are shown once.
/// </summary>
internal static class DemoKeys
{
    public static string PathFor(string databasePath) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(databasePath))!, Path.GetFileNameWithoutExtension(databasePath) + "-demo-keys.json");

    /// <summary>Writes <paramref name="keys"/> to <paramref name="keysFile"/> (its directory created), readable by the user only.</summary>
    public static async Task WriteAsync(string keysFile, IReadOnlyList<DemoKey> keys, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(keysFile))!);
        await File.WriteAllTextAsync(keysFile, JsonSerializer.Serialize(keys, CliJson.Indented), ct);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(keysFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    /// <summary>The demo keys file <c>arena demo</c> writes by default for <paramref name="database"/> (beside a SQLite
    /// file, or under the data directory for PostgreSQL: <see cref="DemoTarget"/>) if it exists, else null.</summary>
    public static string? ExistingFile(string database)
    {
        try
        {
            var path = DemoTarget.Resolve(database, null).KeysFile;
            return File.Exists(path) ? path : null;
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or NotSupportedException or CliException)
        {
            return null;
        }
    }
}
