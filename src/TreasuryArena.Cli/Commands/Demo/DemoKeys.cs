using System.Text.Json;

namespace TreasuryArena.Cli.Commands.Demo;

/// <summary>
/// The demo's sign-in keys, kept in plaintext in <c>demo-keys.json</c> beside the demo database so that
/// <c>arena serve</c> can print them. The database itself stores only their hashes. Demo only: real keys are shown once.
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
