using System.Reflection;

namespace TreasuryArena.Infrastructure.Platform;

/// <summary>Applies the server's schema (migration 0400, idempotent <c>CREATE … IF NOT EXISTS</c>).</summary>
public static class PlatformSchema
{
    public static string Script { get; } = LoadScript();

    public static async Task EnsureAsync(PlatformDatabase database, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = Script;
        await command.ExecuteNonQueryAsync(ct);
    }

    private static string LoadScript()
    {
        var assembly = typeof(PlatformSchema).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("0400_platform.sql", StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
