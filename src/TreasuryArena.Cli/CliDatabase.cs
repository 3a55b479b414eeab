using System.CommandLine;
using Npgsql;
using TreasuryArena.Infrastructure.Storage;

namespace TreasuryArena.Cli;

/// <summary>
/// The shared <c>--db</c> option: a file path (SQLite, WAL) or a <c>postgres://…</c> URL / <c>Host=…</c> connection
/// string (PostgreSQL); default <see cref="CliHost.DefaultDatabase"/>. A value that looks like a connection string is
/// never taken as a file name (<see cref="DatabaseLocation.Parse"/>). Every command that stores something uses
/// <see cref="Option"/> and <see cref="OpenAsync"/>, which applies all migrations and creates a missing SQLite file;
/// a verb that only reads declares <see cref="ExistingOption"/> instead, and then a missing file is refused (exit 2,
/// naming the path) with nothing created.
/// </summary>
internal static class CliDatabase
{
    private const string Description = "Database: a SQLite file path, or a PostgreSQL postgres:// URL or Host=… connection string (default ./data/arena.db)";

    private static readonly AsyncLocal<bool> ExistingOnly = new();

    /// <summary>The <c>--db</c> of a verb that writes: a missing SQLite file is created.</summary>
    public static Option<string?> Option() => new("--db") { Description = Description };

    /// <summary>The <c>--db</c> of a verb that only reads: a missing SQLite file is refused, never created.</summary>
    public static Option<string?> ExistingOption() => new ExistingDatabaseOption();

    /// <summary>
    /// Called once per invocation, before anything opens the database: when the verb's <c>--db</c> is an
    /// <see cref="ExistingOption"/>, every open of the rest of the current flow requires the database to exist.
    /// </summary>
    public static void UseFor(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ExistingOnly.Value = parse.CommandResult.Command.Options.Any(o => o is ExistingDatabaseOption);
    }

    /// <summary>Opens (and migrates) <paramref name="db"/>, or the default database; refuses a missing file in a read-only verb.</summary>
    public static async Task<ArenaDatabase> OpenAsync(string? db, CancellationToken cancellationToken)
    {
        var value = string.IsNullOrWhiteSpace(db) ? CliHost.DefaultDatabase : db;
        try
        {
            return ExistingOnly.Value
                ? await ArenaDatabase.OpenExistingAsync(value, CliHost.Clock, cancellationToken)
                : await ArenaDatabase.OpenAsync(value, CliHost.Clock, cancellationToken);
        }
        catch (FileNotFoundException ex)
        {
            throw new CliException(
                $"no database at {ex.FileName}: this command only reads, so it does not create one. " +
                "Run `arena demo` to build the demo there, or pass --db with an existing SQLite file or a PostgreSQL postgres:// URL / Host=… connection string");
        }
        catch (ArgumentException ex)
        {
            throw Invalid(ex);
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

    /// <summary>A <c>--db</c> value <see cref="DatabaseLocation.Parse"/> refused, as a CLI error (without .NET's "(Parameter …)" suffix).</summary>
    public static CliException Invalid(ArgumentException refused)
    {
        ArgumentNullException.ThrowIfNull(refused);
        var suffix = refused.ParamName is { } name ? $" (Parameter '{name}')" : "";
        var message = suffix.Length > 0 && refused.Message.EndsWith(suffix, StringComparison.Ordinal) ? refused.Message[..^suffix.Length] : refused.Message;
        return new CliException($"--db: {message}");
    }

    /// <summary>The <c>--db</c> of a read-only verb (see <see cref="UseFor"/>).</summary>
    private sealed class ExistingDatabaseOption : Option<string?>
    {
        public ExistingDatabaseOption()
            : base("--db") => Description = CliDatabase.Description + "; it must exist (this command only reads)";
    }
}
