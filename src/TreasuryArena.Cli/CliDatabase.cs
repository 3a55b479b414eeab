using System.CommandLine;
using Npgsql;
using TreasuryArena.Infrastructure.Storage;

namespace TreasuryArena.Cli;

/// <summary>
/// The shared <c>--db</c> option: a file path (SQLite, WAL) or a <c>postgres://…</c> URL / <c>Host=…</c> connection
/// string (PostgreSQL); default <see cref="CliHost.DefaultDatabase"/>. Every command that stores something uses
/// <see cref="Option"/> and <see cref="OpenAsync"/>, which applies all migrations.
/// </summary>
internal static class CliDatabase
{
    public static Option<string?> Option() => new("--db")
    {
        Description = "Database: a SQLite file path, or a PostgreSQL postgres:// URL or Host=… connection string (default ./data/arena.db)",
    };

    public static async Task<ArenaDatabase> OpenAsync(string? db, CancellationToken cancellationToken)
    {
        var value = string.IsNullOrWhiteSpace(db) ? CliHost.DefaultDatabase : db;
        try
        {
            return await ArenaDatabase.OpenAsync(value, CliHost.Clock, cancellationToken);
        }
        catch (ArgumentException ex)
        {
            throw new CliException($"--db: {ex.Message}");
        }
        catch (NpgsqlException ex)
        {
            throw new CliException($"cannot open PostgreSQL database: {ex.Message}");
        }
        catch (Microsoft.Data.Sqlite.SqliteException ex)
        {
            throw new CliException($"cannot open SQLite database {value}: {ex.Message}");
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new CliException($"cannot open database {value}: {ex.Message}");
        }
    }
}
