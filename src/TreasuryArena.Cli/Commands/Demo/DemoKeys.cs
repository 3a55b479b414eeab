using System.Text.Json;

namespace TreasuryArena.Cli.Commands.Demo;

/// <summary>
/// The demo's sign-in keys, kept in plaintext in <c>demo-keys.json</c> beside the demo database (owner-only file mode),
/// printed once by <c>arena demo</c>. The database itself stores only their hashes. <c>arena serve</c> never prints
/// them, only where the file is. Demo only: real keys are shown once.
/// </summary>
internal static class DemoKeys
{
    public static string PathFor(string databasePath) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(databasePath))!, Path.GetFileNameWithoutExtension(databasePath) + "-demo-keys.json");

    public static async Task WriteAsync(string databasePath, IReadOnlyList<DemoKey> keys, CancellationToken ct)
    {
        var path = PathFor(databasePath);
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(keys, CliJson.Indented), ct);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    /// <summary>The path of the demo keys file beside a SQLite database if there is one, else null (not a demo database, or PostgreSQL).</summary>
    public static string? ExistingFile(string database)
    {
        try
        {
            var path = PathFor(database);
            return File.Exists(path) ? path : null;
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or NotSupportedException)
        {
            return null;
        }
    }
}
