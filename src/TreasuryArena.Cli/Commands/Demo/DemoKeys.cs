using System.Text.Json;

namespace TreasuryArena.Cli.Commands.Demo;

/// <summary>
/// The demo's sign-in keys, kept in plaintext in a keys file (<c>NAME-demo-keys.json</c> beside a SQLite demo
/// database, <c>data/postgres-DATABASE-demo-keys.json</c> for PostgreSQL, or <c>--keys-file</c>; see
/// <see cref="DemoTarget"/>). The database itself stores only their hashes. Demo only: real keys are shown once.
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

    /// <summary>The demo keys stored beside a SQLite database, or none (not a demo database, or PostgreSQL).</summary>
    public static IReadOnlyList<DemoKey> Read(string database)
    {
        try
        {
            var path = PathFor(database);
            return File.Exists(path) ? JsonSerializer.Deserialize<List<DemoKey>>(File.ReadAllText(path), CliJson.Options) ?? [] : [];
        }
        catch (Exception ex) when (ex is IOException or JsonException or ArgumentException or NotSupportedException)
        {
            return [];
        }
    }
}
