using TreasuryArena.Infrastructure.Storage;

namespace TreasuryArena.Infrastructure.Evaluation;

/// <summary>
/// Where a platform keeps its latest <c>arena evaluate</c> report, so the server can show it to admins:
/// <c>evaluation/latest.html</c> and <c>evaluation/latest.json</c> beside the SQLite database file (the default
/// <c>data/arena.db</c> gives <c>data/evaluation/</c>), or in the data directory's <c>evaluation/</c> for PostgreSQL.
/// The CLI and the server resolve it from the same database setting, so a run belongs to the platform it names.
/// </summary>
public static class LatestEvaluation
{
    public const string DirectoryName = "evaluation";
    public const string HtmlFile = "latest.html";
    public const string JsonFile = "latest.json";

    /// <summary>The evaluation directory of the platform stored in <paramref name="database"/> (a SQLite path or a
    /// PostgreSQL connection string); <paramref name="dataDirectory"/> is used when the database is not a file.</summary>
    public static string DirectoryFor(string database, string dataDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(database);
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        var location = DatabaseLocation.Parse(database);
        var root = location.Provider == DatabaseProvider.Sqlite
            ? Path.GetDirectoryName(Path.GetFullPath(location.Display)) ?? Path.GetFullPath(dataDirectory)
            : Path.GetFullPath(dataDirectory);
        return Path.Combine(root, DirectoryName);
    }

    /// <summary>Replaces the latest report in <paramref name="directory"/> (created if missing). Each file is written
    /// beside its target and moved over it, so a reader sees either the old or the new file, never half of one; the JSON
    /// (what the dashboard reads first) is replaced last.</summary>
    public static async Task WriteAsync(string directory, string html, string json, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(json);
        Directory.CreateDirectory(directory);
        await ReplaceAsync(Path.Combine(directory, HtmlFile), html, ct);
        await ReplaceAsync(Path.Combine(directory, JsonFile), json, ct);
    }

    private static async Task ReplaceAsync(string path, string text, CancellationToken ct)
    {
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            await File.WriteAllTextAsync(temp, text, ct);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }
}
