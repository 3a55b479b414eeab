using System.CommandLine;
using System.Globalization;
using Npgsql;
using Spectre.Console;
using TreasuryArena.Core.Audit;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Ledger;
using TreasuryArena.Infrastructure.Configuration;
using TreasuryArena.Infrastructure.Storage;
using TreasuryArena.Infrastructure.Storage.Backup;

namespace TreasuryArena.Cli;

/// <summary>
/// <c>arena backup --db DB --to FILE</c> and <c>arena restore --from FILE --db DB</c> (<see cref="DatabaseBackup"/>):
/// SQLite by its online backup API into a SQLite file, PostgreSQL by an in-process export of one read-only
/// repeatable-read snapshot into the portable <c>treasury-arena-backup</c> format; both consistent while the server
/// writes. A restore refuses a database that holds tables unless <c>--force</c>, then checks row counts and runs the
/// ledger and audit verifications (<c>arena ledger verify</c>, <c>arena admin audit verify</c>) on the result.
/// </summary>
internal static partial class CliCommands
{
    static partial void AddBackup(RootCommand root)
    {
        root.Subcommands.Add(BackupCommand());
        root.Subcommands.Add(RestoreCommand());
    }

    private static Command BackupCommand()
    {
        var db = CliDatabase.Option();
        var to = new Option<string>("--to") { Description = "The backup file to write (refused if it exists, unless --force)", Required = true };
        var force = new Option<bool>("--force") { Description = "Replace an existing backup file" };
        var json = new Option<bool>("--json") { Description = "Print the summary as JSON" };
        var cmd = new Command(
            "backup",
            "Back up a database while it runs: SQLite by its online backup API (a SQLite file), PostgreSQL as one consistent snapshot in the portable treasury-arena-backup format");
        foreach (var o in new Option[] { db, to, force, json })
        {
            cmd.Options.Add(o);
        }

        cmd.SetAction(async (parse, ct) =>
        {
            var source = BackupLocation(BackupDbValue(parse.GetValue(db)));
            var started = CliHost.Clock.GetTimestamp();
            var summary = await BackupGuard(() => WithProgress(
                source.Provider == DatabaseProvider.Sqlite ? null : "backup",
                progress => DatabaseBackup.BackupAsync(source, parse.GetValue(to)!, parse.GetValue(force), CliHost.Clock, progress, ct)));
            var seconds = CliHost.Clock.GetElapsedTime(started).TotalSeconds;
            if (parse.GetValue(json))
            {
                CliJson.Write(new
                {
                    source = source.Display,
                    file = summary.File,
                    engine = summary.Engine,
                    format = summary.Format,
                    schema_version = summary.SchemaVersion,
                    migrations = summary.Migrations,
                    created_at = summary.CreatedAt,
                    tables = summary.Tables.ToDictionary(t => t.Name, t => t.Rows),
                    total_rows = summary.TotalRows,
                    ledger_head = summary.LedgerHead,
                    bytes = summary.Bytes,
                    sha256 = summary.Sha256,
                    seconds = Math.Round(seconds, 3, MidpointRounding.AwayFromZero),
                });
            }
            else
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"backed up {source.Display} ({summary.Engine}, schema {summary.SchemaVersion:0000}): {summary.TotalRows:N0} rows in {summary.Tables.Count} tables → {summary.File} ({summary.Format}, {summary.Bytes:N0} bytes, sha256 {summary.Sha256}) in {seconds:0.00} s"));
                Console.WriteLine(BackupHeadLine(summary.LedgerHead));
            }

            return 0;
        });
        return cmd;
    }

    private static Command RestoreCommand()
    {
        var from = new Option<string>("--from") { Description = "The backup file (a SQLite backup or a treasury-arena-backup file)", Required = true };
        var db = CliDatabase.Option();
        var force = new Option<bool>("--force") { Description = "Replace a database that already holds tables (everything in it is dropped)" };
        var noVerify = new Option<bool>("--no-verify") { Description = "Skip the ledger and audit verification after the restore (row counts are always checked)" };
        var json = new Option<bool>("--json") { Description = "Print the summary as JSON" };
        var cmd = new Command(
            "restore",
            "Restore a backup into an empty database (SQLite file or PostgreSQL), either engine from either, then verify row counts, the ledger and the audit chain");
        foreach (var o in new Option[] { from, db, force, noVerify, json })
        {
            cmd.Options.Add(o);
        }

        cmd.SetAction(async (parse, ct) =>
        {
            var value = BackupDbValue(parse.GetValue(db));
            var target = BackupLocation(value);
            var started = CliHost.Clock.GetTimestamp();
            var summary = await BackupGuard(() => WithProgress(
                "restore", progress => DatabaseBackup.RestoreAsync(parse.GetValue(from)!, target, parse.GetValue(force), progress, ct)));
            var restoreSeconds = CliHost.Clock.GetElapsedTime(started).TotalSeconds;
            AuditVerification? audit = null;
            LedgerVerification? ledger = null;
            if (!parse.GetValue(noVerify))
            {
                await using var p = await PlatformCli.OpenAsync(value, ct);
                audit = await p.Audit.VerifyAsync(ct);
                await using var journal = p.Platform.Arena.CreateLedgerJournal();
                ledger = await LedgerVerifier.VerifyAsync(journal, ct);
            }

            var seconds = CliHost.Clock.GetElapsedTime(started).TotalSeconds;
            var ok = audit is null || (audit.Valid && ledger!.Ok);
            var headMatches = Equals(summary.LedgerHead, summary.Backup.LedgerHead);
            if (parse.GetValue(json))
            {
                CliJson.Write(new
                {
                    from = summary.Backup.File,
                    backup_engine = summary.Backup.Engine,
                    format = summary.Backup.Format,
                    schema_version = summary.Backup.SchemaVersion,
                    target = summary.Target,
                    engine = summary.TargetEngine,
                    method = summary.Method,
                    tables = summary.Tables.ToDictionary(t => t.Name, t => t.Rows),
                    total_rows = summary.Tables.Sum(t => t.Rows),
                    ledger_head = summary.LedgerHead,
                    ledger_head_matches = headMatches,
                    verified = audit is null ? null : new
                    {
                        ok,
                        audit = new { valid = audit.Valid, entries = audit.Entries, first_bad_sequence = audit.FirstBadSequence, problem = audit.Problem },
                        ledger = new { ok = ledger!.Ok, entries = ledger.Entries, violations = ledger.ViolationCount },
                    },
                    restore_seconds = Math.Round(restoreSeconds, 3, MidpointRounding.AwayFromZero),
                    seconds = Math.Round(seconds, 3, MidpointRounding.AwayFromZero),
                });
            }
            else
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"restored {summary.Backup.File} ({summary.Backup.Engine}, schema {summary.Backup.SchemaVersion:0000}) into {summary.Target} ({summary.TargetEngine}, {summary.Method}): {summary.Tables.Sum(t => t.Rows):N0} rows in {summary.Tables.Count} tables, row counts checked, in {restoreSeconds:0.00} s"));
                Console.WriteLine(BackupHeadLine(summary.LedgerHead));
                Console.WriteLine(audit is null
                    ? "verification skipped (--no-verify)"
                    : ok
                        ? string.Create(CultureInfo.InvariantCulture, $"verified: ledger {ledger!.Entries} entries ok; audit chain {audit.Entries} entries intact")
                        : $"VERIFICATION FAILED: audit {(audit.Valid ? "ok" : audit.Problem)}; ledger {(ledger!.Ok ? "ok" : $"{ledger.ViolationCount} violations")}");
            }

            if (!headMatches)
            {
                throw new CliException("the restored ledger head differs from the backup's", Outcome.BackupVerifyFailed);
            }

            return ok ? 0 : (int)Outcome.BackupVerifyFailed.Exit();
        });
        return cmd;
    }

    /// <summary>The <c>--db</c> value, else <c>Arena:Database</c>, else the default file.</summary>
    private static string BackupDbValue(string? db) =>
        string.IsNullOrWhiteSpace(db) ? CliHost.Configuration[ArenaOptions.SectionName + ":Database"] ?? CliHost.DefaultDatabase : db;

    /// <summary>Where the database is, parsed without opening or migrating it.</summary>
    private static DatabaseLocation BackupLocation(string value)
    {
        try
        {
            return DatabaseLocation.Parse(value);
        }
        catch (ArgumentException ex)
        {
            throw new CliException($"--db: {ex.Message}");
        }
    }

    private static string BackupHeadLine(LedgerHeadInfo? head) =>
        head is null ? "ledger head: none" : string.Create(CultureInfo.InvariantCulture, $"ledger head: entry {head.Seq}, hash {head.Hash}");

    /// <summary>Runs the work with a per-table progress bar on an interactive terminal (a spinner when it reports no tables).</summary>
    private static async Task<T> WithProgress<T>(string? title, Func<IProgress<BackupProgress>?, Task<T>> work)
    {
        if (Console.IsOutputRedirected)
        {
            return await work(null);
        }

        if (title is null)
        {
            return await AnsiConsole.Status().StartAsync("copying the database pages (SQLite online backup)…", _ => work(null));
        }

        return await AnsiConsole.Progress().StartAsync(async ctx => await work(new TableProgress(ctx, title)));
    }

    private static async Task<T> BackupGuard<T>(Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            throw new CliException($"{ex.MessageText}: create the database first (CREATE DATABASE …), then restore into it", Outcome.BackupSourceNotFound);
        }
        catch (NpgsqlException ex)
        {
            throw new CliException($"PostgreSQL: {ex.Message}", Outcome.UnexpectedOutcome);
        }
        catch (Microsoft.Data.Sqlite.SqliteException ex)
        {
            throw new CliException($"SQLite: {ex.Message}", Outcome.UnexpectedOutcome);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException(ex.Message, Outcome.UnexpectedOutcome);
        }
    }

    /// <summary>One Spectre progress task per table, advanced as rows are copied.</summary>
    private sealed class TableProgress(ProgressContext context, string title) : IProgress<BackupProgress>
    {
        private readonly Dictionary<string, ProgressTask> _tasks = new(StringComparer.Ordinal);

        public void Report(BackupProgress value)
        {
            if (!_tasks.TryGetValue(value.Table, out var task))
            {
                task = context.AddTask($"{title} {Markup.Escape(value.Table)}", maxValue: Math.Max(1, value.TotalRows));
                _tasks[value.Table] = task;
            }

            task.Value = value.TotalRows == 0 ? 1 : value.Rows;
        }
    }
}
