using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using TreasuryArena.Core.Ledger;

namespace TreasuryArena.Infrastructure.Storage;

/// <summary>
/// An opened database (SQLite file or PostgreSQL), with every migration applied. The entry point for every area
/// that stores something: parse <c>--db</c> with <see cref="OpenAsync"/>, then use <see cref="OpenConnectionAsync"/>
/// with Dapper for your own tables (your migrations live next to the ledger's, in your number range), and
/// <see cref="OpenLedgerAsync"/> for the ledger. Conventions in both providers: money and quantities are scaled
/// 64-bit integers (document the scale per column); instants are <c>timestamptz</c> in PostgreSQL and UTC ticks
/// (INTEGER) in SQLite (see <see cref="InstantParameter"/>/<see cref="ReadInstant"/>); dates are <c>date</c> / ISO text
/// (a <see cref="DateOnly"/> parameter works with both drivers).
/// </summary>
#pragma warning disable CA1001 // The write-turn semaphore is only awaited (it never allocates a wait handle), and a database lives as long as its process.
public sealed class ArenaDatabase
#pragma warning restore CA1001
{
    // Every SQLite connection's settings; with background checkpoints the WAL is left to CheckpointAsync.
    private const string ConnectionPragmas = "PRAGMA synchronous=FULL; PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON;";
    private const string ConnectionPragmasBackgroundCheckpoints = ConnectionPragmas + " PRAGMA wal_autocheckpoint=0; PRAGMA journal_size_limit=67108864;";

    private readonly SemaphoreSlim _sqliteWriteTurn = new(1, 1);
    private long _navVersion;
    private volatile bool _backgroundCheckpoints;

    private ArenaDatabase(DatabaseLocation location, TimeProvider time)
    {
        Location = location;
        Time = time;
    }

    public DatabaseLocation Location { get; }

    /// <summary>The clock the database was opened with (the composition root's); caches and stores built from the database alone use it.</summary>
    public TimeProvider Time { get; }

    /// <summary>
    /// Bumped by every <see cref="SqlNavStore"/> write through this instance (NAV history, backings, lifecycle
    /// events), so readers can cache what they derive from those tables until it changes.
    /// </summary>
    public long NavVersion => Interlocked.Read(ref _navVersion);

    public DatabaseProvider Provider => Location.Provider;

    /// <summary>Parses <paramref name="db"/> (see <see cref="DatabaseLocation.Parse"/>), creates the SQLite file's directory
    /// (and the file), switches SQLite to WAL, and applies every embedded migration not yet recorded.</summary>
    public static Task<ArenaDatabase> OpenAsync(string db, TimeProvider time, CancellationToken cancellationToken = default) =>
        OpenAsync(DatabaseLocation.Parse(db), time, cancellationToken);

    /// <summary>
    /// As <see cref="OpenAsync(string, TimeProvider, CancellationToken)"/>, but a SQLite file must already exist: a
    /// missing one is a <see cref="FileNotFoundException"/> naming the path, and neither the file nor its directory is
    /// created (the connections of the returned database never create it either). For the verbs that only read.
    /// </summary>
    public static Task<ArenaDatabase> OpenExistingAsync(string db, TimeProvider time, CancellationToken cancellationToken = default)
    {
        var location = DatabaseLocation.Parse(db);
        if (location.IsMissingFile)
        {
            throw new FileNotFoundException($"no database at {location.Display}", location.Display);
        }

        return OpenAsync(location.WithoutCreate(), time, cancellationToken);
    }

    private static async Task<ArenaDatabase> OpenAsync(DatabaseLocation location, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(time);
        var database = new ArenaDatabase(location, time);
        if (database.Provider == DatabaseProvider.Sqlite && !File.Exists(database.Location.Display))
        {
            var dir = Path.GetDirectoryName(database.Location.Display);
            if (!string.IsNullOrEmpty(dir))
            {
                Directory.CreateDirectory(dir);
            }
        }

        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            await using var wal = connection.CreateCommand();
            wal.CommandText = "PRAGMA journal_mode=WAL;";
            await wal.ExecuteNonQueryAsync(cancellationToken);
        }

        await MigrationRunner.ApplyAsync(connection, database.Provider, MigrationRunner.Embedded(database.Provider), time, cancellationToken);
        return database;
    }

    /// <summary>An open connection. SQLite connections get <c>synchronous=FULL</c> (a commit is durable when it
    /// returns), a 10 s busy timeout and foreign keys on.</summary>
    public async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken = default)
    {
        DbConnection connection = Provider == DatabaseProvider.Sqlite
            ? new SqliteConnection(Location.ConnectionString)
            : new NpgsqlConnection(Location.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            if (Provider == DatabaseProvider.Sqlite)
            {
                await using var pragmas = connection.CreateCommand();
                pragmas.CommandText = _backgroundCheckpoints
                    ? ConnectionPragmasBackgroundCheckpoints
                    : ConnectionPragmas;
                await pragmas.ExecuteNonQueryAsync(cancellationToken);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    internal void NavChanged() => Interlocked.Increment(ref _navVersion);

    /// <summary>True when this process's SQLite connections leave checkpoints to <see cref="CheckpointAsync"/>.</summary>
    public bool BackgroundCheckpoints => _backgroundCheckpoints;

    /// <summary>
    /// On SQLite, turns off the automatic WAL checkpoint of the connections this instance opens from now on: by default
    /// the commit that takes the WAL past 1,000 pages copies them into the database file and syncs it before it
    /// returns, so one writer's commit in every few thousand waits for a checkpoint. The caller must then run
    /// <see cref="CheckpointAsync"/> regularly from its own task (the server's <c>WalCheckpointService</c> does, every
    /// half second). The WAL file is cut back to 64 MiB when SQLite restarts it. Call it before the ledger is opened
    /// (its writer keeps one connection). On PostgreSQL it does nothing.
    /// </summary>
    public void UseBackgroundCheckpoints()
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            _backgroundCheckpoints = true;
        }
    }

    /// <summary>
    /// On SQLite, a PASSIVE checkpoint from its own connection: copies the WAL's committed pages that no reader still
    /// needs into the database file and syncs it, without blocking readers or writers. A WAL is only rewound to its
    /// start by the first writer after a checkpoint that copied every frame, which never happens while writers keep
    /// appending; so when the WAL holds <paramref name="restartAbove"/> frames or more, a second PASSIVE checkpoint
    /// runs inside this process's write turn (<see cref="WriteTurnAsync"/>): it copies only the frames appended during
    /// the first one, and the next writer then starts the WAL again from its beginning. Returns the WAL's frames and how
    /// many of them are in the database file after the last checkpoint; (0, 0) on PostgreSQL.
    /// </summary>
    public async Task<(long WalFrames, long Checkpointed)> CheckpointAsync(long restartAbove = 4096, CancellationToken cancellationToken = default)
    {
        // A file removed under a stopping host is not created again by the checkpoint's connection.
        if (Provider != DatabaseProvider.Sqlite || !File.Exists(Location.Display))
        {
            return (0, 0);
        }

        await using var connection = await OpenConnectionAsync(cancellationToken);
        var result = await PassiveCheckpointAsync(connection, cancellationToken);
        if (result.WalFrames >= restartAbove)
        {
            using var turn = await WriteTurnAsync(cancellationToken);
            result = await PassiveCheckpointAsync(connection, cancellationToken);
        }

        return result;
    }

    private static async Task<(long WalFrames, long Checkpointed)> PassiveCheckpointAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        return await r.ReadAsync(cancellationToken) ? (r.GetInt64(1), r.GetInt64(2)) : (0, 0);
    }

    /// <summary>
    /// On SQLite, waits for this process's turn to run a write transaction, so the group-commit writers of one process
    /// (ledger journal, audit chain, idempotency records) hand the database's single write lock to each other at once
    /// instead of meeting SQLite's busy handler, which polls with sleeps of 1 ms and more. Dispose the turn after the
    /// commit. On PostgreSQL, where writers do not exclude each other, it returns at once and holds nothing.
    /// </summary>
    public async ValueTask<WriteTurn> WriteTurnAsync(CancellationToken cancellationToken = default)
    {
        if (Provider != DatabaseProvider.Sqlite)
        {
            return default;
        }

        await _sqliteWriteTurn.WaitAsync(cancellationToken);
        return new WriteTurn(_sqliteWriteTurn);
    }

    /// <summary>The ledger's journal in this database (one writer per database at a time).</summary>
    public SqlLedgerJournal CreateLedgerJournal() => new(this);

    /// <summary>
    /// Opens the ledger: replays the stored entries and starts the group-commit writer. Idempotency keys are remembered
    /// for <paramref name="idempotencyWindow"/> (default 24 h) after their operation.
    /// </summary>
    public async Task<LedgerService> OpenLedgerAsync(TimeProvider time, int maxBatch = 2048, TimeSpan? idempotencyWindow = null, CancellationToken cancellationToken = default) =>
        await LedgerService.OpenAsync(CreateLedgerJournal(), time, maxBatch, ownsJournal: true, idempotencyWindow, cancellationToken);

    /// <summary>The parameter value of an instant for this provider (UTC ticks for SQLite, a UTC DateTimeOffset for PostgreSQL).</summary>
    public object InstantParameter(DateTimeOffset instant) =>
        Provider == DatabaseProvider.Sqlite ? instant.UtcTicks : instant.ToUniversalTime();

    /// <summary>Reads an instant column written with <see cref="InstantParameter"/>.</summary>
    public DateTimeOffset ReadInstant(DbDataReader reader, int ordinal)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return Provider == DatabaseProvider.Sqlite
            ? new DateTimeOffset(reader.GetInt64(ordinal), TimeSpan.Zero)
            : reader.GetFieldValue<DateTimeOffset>(ordinal);
    }
}
