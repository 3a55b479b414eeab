using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Fees;
using TreasuryArena.Core.Ledger;
using TreasuryArena.Core.Ports;
using TreasuryArena.Core.Tokens;
using TreasuryArena.Core.Wallets;

namespace TreasuryArena.Infrastructure.Storage;

/// <summary>
/// The ledger journal on SQLite or PostgreSQL. <see cref="AppendAsync"/> writes one batch in one transaction on a
/// dedicated connection (prepared statements on SQLite, array <c>unnest</c> inserts on PostgreSQL) and returns after
/// the commit, which is durable (SQLite WAL with <c>synchronous=FULL</c>; PostgreSQL <c>synchronous_commit=on</c>).
/// Column scales are documented in the migrations (cash 2, shares 8, rates and prices 8).
/// </summary>
public sealed class SqlLedgerJournal : ILedgerJournal, IAsyncDisposable
{
    private const int RateScale = 8;

    private const string EntryColumns = "seq, op_id, op_kind, idem_key, kind, memo, unit, from_account, to_account, amount, at, prev_hash, hash, valuation_date";

    private const string UpsertToken =
        "INSERT INTO ledger_tokens (symbol, name, strategy_id, status, trade_fee_rate, management_fee_rate, performance_fee_rate, crystallisation, " +
        "inception_date, reference_nav, high_water_mark, last_fee_date, last_crystallisation_date, hurdle, high_water_mark_date, hurdle_index, revision) VALUES " +
        "(@symbol, @name, @strategy_id, @status, @trade, @management, @performance, @crystallisation, @inception, @nav, @hwm, @last_fee, @last_cryst, " +
        "@hurdle, @hwm_date, @hurdle_index, @revision) " +
        "ON CONFLICT (symbol) DO UPDATE SET name = excluded.name, strategy_id = excluded.strategy_id, status = excluded.status, " +
        "trade_fee_rate = excluded.trade_fee_rate, management_fee_rate = excluded.management_fee_rate, performance_fee_rate = excluded.performance_fee_rate, " +
        "crystallisation = excluded.crystallisation, reference_nav = excluded.reference_nav, high_water_mark = excluded.high_water_mark, " +
        "last_fee_date = excluded.last_fee_date, last_crystallisation_date = excluded.last_crystallisation_date, hurdle = excluded.hurdle, " +
        "high_water_mark_date = excluded.high_water_mark_date, hurdle_index = excluded.hurdle_index, revision = excluded.revision";

    private const string UpsertWallet =
        "INSERT INTO ledger_wallets (address, organisation, mode, risk, created_at, revision, name) VALUES (@address, @organisation, @mode, @risk, @created_at, @revision, @name) " +
        "ON CONFLICT (address) DO UPDATE SET mode = excluded.mode, risk = excluded.risk, revision = excluded.revision, name = excluded.name";

    private const string TokenColumns =
        "symbol, name, strategy_id, status, trade_fee_rate, management_fee_rate, performance_fee_rate, crystallisation, " +
        "inception_date, reference_nav, high_water_mark, last_fee_date, last_crystallisation_date, hurdle, high_water_mark_date, hurdle_index";

    private const string WalletColumns = "address, organisation, mode, risk, created_at, name";

    private const string SelectHead = "SELECT seq, hash, revision FROM ledger_head WHERE id = 1";

    private readonly ArenaDatabase database;
    private readonly SemaphoreSlim writeGate = new(1, 1);
    private DbConnection? writer;
    private SqliteCommand? insertEntry;
    private SqliteCommand? upsertBalance;

    internal SqlLedgerJournal(ArenaDatabase database) => this.database = database;

    public async Task<LedgerSnapshot> LoadAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var tokens = await ReadTokensAsync(connection, null, null, cancellationToken);
        var wallets = await ReadWalletsAsync(connection, null, null, cancellationToken);
        return new LedgerSnapshot(tokens, wallets);
    }

    public async Task<LedgerHead> ReadHeadAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await ReadHeadAsync(connection, null, forUpdate: false, cancellationToken);
    }

    public async Task<LedgerTail> ReadTailAsync(LedgerHead since, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);

        // One snapshot for the head and everything read after it (SQLite: a deferred read transaction; PostgreSQL:
        // repeatable read), so the tail ends exactly at its head.
        await using var tx = database.Provider == DatabaseProvider.Sqlite
            ? ((SqliteConnection)connection).BeginTransaction(deferred: true)
            : await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        var head = await ReadHeadAsync(connection, tx, forUpdate: false, cancellationToken);
        return await ReadTailAsync(connection, tx, head, since, cancellationToken);
    }

    public async Task<ILedgerAppendTurn> BeginAppendAsync(CancellationToken cancellationToken)
    {
        await writeGate.WaitAsync(cancellationToken);
        WriteTurn sqliteTurn = default;
        try
        {
            sqliteTurn = await database.WriteTurnAsync(cancellationToken);
            var connection = await WriterAsync(cancellationToken);

            // SQLite: BEGIN IMMEDIATE takes the file's write lock now (other processes wait in the busy handler);
            // PostgreSQL: the head row locked FOR UPDATE makes other appenders wait until this transaction ends.
            DbTransaction tx = database.Provider == DatabaseProvider.Sqlite
                ? ((SqliteConnection)connection).BeginTransaction(deferred: false)
                : await connection.BeginTransactionAsync(cancellationToken);
            try
            {
                var head = await ReadHeadAsync(connection, tx, forUpdate: database.Provider == DatabaseProvider.Postgres, cancellationToken);
                return new Turn(this, connection, tx, head, sqliteTurn);
            }
            catch
            {
                await tx.DisposeAsync();
                throw;
            }
        }
        catch
        {
            sqliteTurn.Dispose();
            await ResetWriterAsync();
            writeGate.Release();
            throw;
        }
    }

    private static async Task<LedgerHead> ReadHeadAsync(DbConnection connection, DbTransaction? tx, bool forUpdate, CancellationToken cancellationToken)
    {
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = forUpdate ? SelectHead + " FOR UPDATE" : SelectHead;
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        if (!await r.ReadAsync(cancellationToken))
        {
            throw new InvalidOperationException("the ledger_head row is missing (migration 0420 not applied?)");
        }

        return new LedgerHead(r.GetInt64(0), r.GetString(1), r.GetInt64(2));
    }

    private async Task<LedgerTail> ReadTailAsync(DbConnection connection, DbTransaction tx, LedgerHead head, LedgerHead since, CancellationToken cancellationToken)
    {
        if (head.Sequence == since.Sequence && head.Revision == since.Revision)
        {
            return LedgerTail.None(head);
        }

        var entries = new List<LedgerEntry>();
        if (head.Sequence > since.Sequence)
        {
            await using var cmd = connection.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = $"SELECT {EntryColumns} FROM ledger_entries WHERE seq > @after ORDER BY seq";
            AddParameter(cmd, "after", since.Sequence);
            await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
            while (await r.ReadAsync(cancellationToken))
            {
                entries.Add(ReadEntry(r));
            }
        }

        var tokens = await ReadTokensAsync(connection, tx, since.Revision, cancellationToken);
        var wallets = await ReadWalletsAsync(connection, tx, since.Revision, cancellationToken);
        return new LedgerTail(head, entries, tokens, wallets);
    }

    /// <summary>Every token, or those written by a commit after <paramref name="afterRevision"/>.</summary>
    private static async Task<List<StrategyToken>> ReadTokensAsync(DbConnection connection, DbTransaction? tx, long? afterRevision, CancellationToken cancellationToken)
    {
        var tokens = new List<StrategyToken>();
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = $"SELECT {TokenColumns} FROM ledger_tokens" + (afterRevision is null ? "" : " WHERE revision > @after") + " ORDER BY symbol";
        if (afterRevision is { } after)
        {
            AddParameter(cmd, "after", after);
        }

        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken))
        {
            var fees = new FeeSchedule(
                RoundingPolicy.FromScaled(r.GetInt64(4), RateScale),
                RoundingPolicy.FromScaled(r.GetInt64(5), RateScale),
                RoundingPolicy.FromScaled(r.GetInt64(6), RateScale),
                Enum.Parse<CrystallisationSchedule>(r.GetString(7)),
                Enum.Parse<PerformanceHurdle>(r.GetString(13)));
            tokens.Add(new StrategyToken(
                r.GetString(0), r.GetString(1), r.GetString(2), Enum.Parse<TokenStatus>(r.GetString(3)), fees,
                r.GetFieldValue<DateOnly>(8),
                UnitPrice.Of(RoundingPolicy.FromScaled(r.GetInt64(9), UnitPrice.Scale)),
                UnitPrice.Of(RoundingPolicy.FromScaled(r.GetInt64(10), UnitPrice.Scale)),
                r.GetFieldValue<DateOnly>(11),
                r.GetFieldValue<DateOnly>(12))
            {
                HighWaterMarkDate = r.GetFieldValue<DateOnly>(14),
                HurdleIndex = RoundingPolicy.FromScaled(r.GetInt64(15), FeeCalculator.HurdleIndexScale),
            });
        }

        return tokens;
    }

    /// <summary>Every wallet, or those written by a commit after <paramref name="afterRevision"/>.</summary>
    private async Task<List<Wallet>> ReadWalletsAsync(DbConnection connection, DbTransaction? tx, long? afterRevision, CancellationToken cancellationToken)
    {
        var wallets = new List<Wallet>();
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = $"SELECT {WalletColumns} FROM ledger_wallets" + (afterRevision is null ? "" : " WHERE revision > @after") + " ORDER BY address";
        if (afterRevision is { } after)
        {
            AddParameter(cmd, "after", after);
        }

        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken))
        {
            wallets.Add(new Wallet(r.GetString(0), r.GetString(1), Enum.Parse<WalletMode>(r.GetString(2)), Enum.Parse<RiskTolerance>(r.GetString(3)), database.ReadInstant(r, 4), r.IsDBNull(5) ? null : r.GetString(5)));
        }

        return wallets;
    }

    public async IAsyncEnumerable<LedgerEntry> ReadEntriesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT {EntryColumns} FROM ledger_entries ORDER BY seq";
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken))
        {
            yield return ReadEntry(r);
        }
    }

    /// <summary>
    /// The entries that move something into or out of <paramref name="account"/>, newest first, with a sequence below
    /// <paramref name="beforeSequence"/> (all when null), at most <paramref name="limit"/>. A read for one account's
    /// history (a wallet's transactions); it scans the sequence index backwards, so recent history is cheap.
    /// </summary>
    public async Task<IReadOnlyList<LedgerEntry>> ReadAccountEntriesAsync(LedgerAccount account, long? beforeSequence, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var cmd = connection.CreateCommand();
        // No index by account (0411 explains why): the scan goes backwards over the sequence, so an active account's
        // recent page is cheap and a dormant account in a large journal costs a full scan.
        cmd.CommandText = $"SELECT {EntryColumns} FROM ledger_entries WHERE (from_account = @account OR to_account = @account) AND seq < @before ORDER BY seq DESC LIMIT @limit";
        AddParameter(cmd, "account", account.ToString());
        AddParameter(cmd, "before", beforeSequence ?? long.MaxValue);
        AddParameter(cmd, "limit", (long)limit);
        var list = new List<LedgerEntry>();
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken))
        {
            list.Add(ReadEntry(r));
        }

        return list;
    }

    private static void AddParameter(DbCommand cmd, string name, object value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        cmd.Parameters.Add(p);
    }

    private LedgerEntry ReadEntry(DbDataReader r)
    {
        var unit = LedgerUnit.Parse(r.GetString(6));
        return new LedgerEntry(
            r.GetInt64(0),
            r.GetInt64(1),
            Enum.Parse<LedgerOperationKind>(r.GetString(2)),
            r.GetString(3),
            Enum.Parse<EntryKind>(r.GetString(4)),
            r.GetString(5),
            unit,
            LedgerAccount.Parse(r.GetString(7)),
            LedgerAccount.Parse(r.GetString(8)),
            RoundingPolicy.FromScaled(r.GetInt64(9), unit.Scale),
            database.ReadInstant(r, 10),
            r.GetString(11),
            r.GetString(12))
        {
            // Null on entries written before migration 0430 (they hash in the first canonical form).
            ValuationDate = r.IsDBNull(13) ? null : r.GetFieldValue<DateOnly>(13),
        };
    }

    public async Task<IReadOnlyDictionary<BalanceKey, decimal>> ReadBalancesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Account, string Unit, long Amount)>(
            new CommandDefinition("SELECT account, unit, amount FROM ledger_balances", cancellationToken: cancellationToken));
        var result = new Dictionary<BalanceKey, decimal>();
        foreach (var (account, code, amount) in rows)
        {
            var unit = LedgerUnit.Parse(code);
            result[new BalanceKey(LedgerAccount.Parse(account), unit)] = RoundingPolicy.FromScaled(amount, unit.Scale);
        }

        return result;
    }

    public async ValueTask DisposeAsync()
    {
        await ResetWriterAsync();
        writeGate.Dispose();
    }

    private async Task ResetWriterAsync()
    {
        if (insertEntry is not null)
        {
            await insertEntry.DisposeAsync();
        }

        if (upsertBalance is not null)
        {
            await upsertBalance.DisposeAsync();
        }

        if (writer is not null)
        {
            await writer.DisposeAsync();
        }

        insertEntry = null;
        upsertBalance = null;
        writer = null;
    }

    /// <summary>The writer's connection (kept open between turns; on SQLite with its prepared statements).</summary>
    private async Task<DbConnection> WriterAsync(CancellationToken cancellationToken)
    {
        if (writer is null)
        {
            writer = await database.OpenConnectionAsync(cancellationToken);
        }

        if (writer is SqliteConnection conn && insertEntry is null)
        {
            insertEntry = conn.CreateCommand();
            insertEntry.CommandText = $"INSERT INTO ledger_entries ({EntryColumns}) VALUES ($seq, $op, $opk, $key, $kind, $memo, $unit, $from, $to, $amount, $at, $prev, $hash, $vdate)";
            foreach (var name in new[] { "$seq", "$op", "$opk", "$key", "$kind", "$memo", "$unit", "$from", "$to", "$amount", "$at", "$prev", "$hash", "$vdate" })
            {
                insertEntry.Parameters.Add(new SqliteParameter { ParameterName = name });
            }

            upsertBalance = conn.CreateCommand();
            upsertBalance.CommandText = "INSERT INTO ledger_balances (account, unit, amount) VALUES ($a, $u, $v) ON CONFLICT (account, unit) DO UPDATE SET amount = excluded.amount";
            foreach (var name in new[] { "$a", "$u", "$v" })
            {
                upsertBalance.Parameters.Add(new SqliteParameter { ParameterName = name });
            }
        }

        return writer;
    }

    private async Task AppendSqliteAsync(SqliteConnection connection, DbTransaction tx, LedgerBatch batch, long revision, CancellationToken cancellationToken)
    {
        insertEntry!.Transaction = (SqliteTransaction)tx;
        upsertBalance!.Transaction = (SqliteTransaction)tx;
        var p = insertEntry.Parameters;
        foreach (var e in batch.Entries)
        {
            p[0].Value = e.Sequence;
            p[1].Value = e.OperationId;
            p[2].Value = e.Operation.ToString();
            p[3].Value = e.IdempotencyKey;
            p[4].Value = e.Kind.ToString();
            p[5].Value = e.Memo;
            p[6].Value = e.Unit.Code;
            p[7].Value = e.From.Id;
            p[8].Value = e.To.Id;
            p[9].Value = RoundingPolicy.ToScaled(e.Amount, e.Unit.Scale);
            p[10].Value = e.At.UtcTicks;
            p[11].Value = e.PreviousHash;
            p[12].Value = e.Hash;
            p[13].Value = e.ValuationDate is { } vd ? vd.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : DBNull.Value;
            insertEntry.ExecuteNonQuery();
        }

        var b = upsertBalance.Parameters;
        foreach (var (key, amount) in batch.Balances)
        {
            b[0].Value = key.Account.Id;
            b[1].Value = key.Unit.Code;
            b[2].Value = RoundingPolicy.ToScaled(amount, key.Unit.Scale);
            upsertBalance.ExecuteNonQuery();
        }

        await WriteTokensAndWalletsAsync(connection, tx, batch, revision, cancellationToken);
    }

    private async Task AppendPostgresAsync(NpgsqlConnection connection, NpgsqlTransaction tx, LedgerBatch batch, long revision, CancellationToken cancellationToken)
    {
        if (batch.Entries.Count > 0)
        {
            var n = batch.Entries.Count;
            var seq = new long[n];
            var op = new long[n];
            var opk = new string[n];
            var key = new string[n];
            var kind = new string[n];
            var memo = new string[n];
            var unit = new string[n];
            var from = new string[n];
            var to = new string[n];
            var amount = new long[n];
            var at = new DateTimeOffset[n];
            var prev = new string[n];
            var hash = new string[n];
            var vdate = new DateOnly?[n];
            for (var i = 0; i < n; i++)
            {
                var e = batch.Entries[i];
                seq[i] = e.Sequence;
                op[i] = e.OperationId;
                opk[i] = e.Operation.ToString();
                key[i] = e.IdempotencyKey;
                kind[i] = e.Kind.ToString();
                memo[i] = e.Memo;
                unit[i] = e.Unit.Code;
                from[i] = e.From.Id;
                to[i] = e.To.Id;
                amount[i] = RoundingPolicy.ToScaled(e.Amount, e.Unit.Scale);
                at[i] = e.At.ToUniversalTime();
                prev[i] = e.PreviousHash;
                hash[i] = e.Hash;
                vdate[i] = e.ValuationDate;
            }

            await using var insert = new NpgsqlCommand(
                $"INSERT INTO ledger_entries ({EntryColumns}) SELECT * FROM unnest(@seq, @op, @opk, @key, @kind, @memo, @unit, @from, @to, @amount, @at, @prev, @hash, @vdate)",
                connection,
                tx);
            insert.Parameters.AddWithValue("seq", seq);
            insert.Parameters.AddWithValue("op", op);
            insert.Parameters.AddWithValue("opk", opk);
            insert.Parameters.AddWithValue("key", key);
            insert.Parameters.AddWithValue("kind", kind);
            insert.Parameters.AddWithValue("memo", memo);
            insert.Parameters.AddWithValue("unit", unit);
            insert.Parameters.AddWithValue("from", from);
            insert.Parameters.AddWithValue("to", to);
            insert.Parameters.AddWithValue("amount", amount);
            insert.Parameters.AddWithValue("at", at);
            insert.Parameters.AddWithValue("prev", prev);
            insert.Parameters.AddWithValue("hash", hash);
            insert.Parameters.Add(new NpgsqlParameter("vdate", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Date) { Value = vdate });
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        if (batch.Balances.Count > 0)
        {
            var accounts = batch.Balances.Keys.Select(k => k.Account.Id).ToArray();
            var units = batch.Balances.Keys.Select(k => k.Unit.Code).ToArray();
            var values = batch.Balances.Select(kv => RoundingPolicy.ToScaled(kv.Value, kv.Key.Unit.Scale)).ToArray();
            await using var upsert = new NpgsqlCommand(
                "INSERT INTO ledger_balances (account, unit, amount) SELECT * FROM unnest(@a, @u, @v) " +
                "ON CONFLICT (account, unit) DO UPDATE SET amount = excluded.amount",
                connection,
                tx);
            upsert.Parameters.AddWithValue("a", accounts);
            upsert.Parameters.AddWithValue("u", units);
            upsert.Parameters.AddWithValue("v", values);
            await upsert.ExecuteNonQueryAsync(cancellationToken);
        }

        await WriteTokensAndWalletsAsync(connection, tx, batch, revision, cancellationToken);
    }

    private async Task WriteTokensAndWalletsAsync(DbConnection connection, DbTransaction tx, LedgerBatch batch, long revision, CancellationToken cancellationToken)
    {
        foreach (var t in batch.Tokens)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                UpsertToken,
                new
                {
                    symbol = t.Symbol,
                    name = t.Name,
                    strategy_id = t.StrategyId,
                    status = t.Status.ToString(),
                    trade = RoundingPolicy.ToScaled(t.Fees.TradeFeeRate, RateScale),
                    management = RoundingPolicy.ToScaled(t.Fees.ManagementFeeRate, RateScale),
                    performance = RoundingPolicy.ToScaled(t.Fees.PerformanceFeeRate, RateScale),
                    crystallisation = t.Fees.Crystallisation.ToString(),
                    inception = DateParameter(t.InceptionDate),
                    nav = RoundingPolicy.ToScaled(t.ReferenceNav.Value, UnitPrice.Scale),
                    hwm = RoundingPolicy.ToScaled(t.HighWaterMark.Value, UnitPrice.Scale),
                    last_fee = DateParameter(t.LastFeeDate),
                    last_cryst = DateParameter(t.LastCrystallisationDate),
                    hurdle = t.Fees.Hurdle.ToString(),
                    hwm_date = DateParameter(t.HighWaterMarkDate),
                    hurdle_index = RoundingPolicy.ToScaled(t.HurdleIndex, FeeCalculator.HurdleIndexScale),
                    revision,
                },
                tx,
                cancellationToken: cancellationToken));
        }

        foreach (var w in batch.Wallets)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                UpsertWallet,
                new
                {
                    address = w.Address,
                    organisation = w.Organisation,
                    mode = w.Mode.ToString(),
                    risk = w.Risk.ToString(),
                    created_at = database.InstantParameter(w.CreatedAt),
                    revision,
                    name = w.Name,
                },
                tx,
                cancellationToken: cancellationToken));
        }
    }

    /// <summary>
    /// Writes the batch in the turn's transaction and moves the head row, on the condition that it still holds
    /// <paramref name="expected"/>; a moved head or a taken sequence number (a writer that bypassed the head) rolls back
    /// and comes back as a conflict.
    /// </summary>
    private async Task<(LedgerAppendOutcome Outcome, LedgerHead Head)> AppendAsync(DbConnection connection, DbTransaction tx, LedgerBatch batch, LedgerHead expected, CancellationToken cancellationToken)
    {
        var next = batch.Entries.Count > 0
            ? new LedgerHead(batch.Entries[^1].Sequence, batch.Entries[^1].Hash, expected.Revision + 1)
            : expected with { Revision = expected.Revision + 1 };
        try
        {
            if (database.Provider == DatabaseProvider.Sqlite)
            {
                await AppendSqliteAsync((SqliteConnection)connection, tx, batch, next.Revision, cancellationToken);
            }
            else
            {
                await AppendPostgresAsync((NpgsqlConnection)connection, (NpgsqlTransaction)tx, batch, next.Revision, cancellationToken);
            }

            await using var move = connection.CreateCommand();
            move.Transaction = tx;
            move.CommandText = "UPDATE ledger_head SET seq = @seq, hash = @hash, revision = @revision " +
                               "WHERE id = 1 AND seq = @expected_seq AND hash = @expected_hash AND revision = @expected_revision";
            AddParameter(move, "seq", next.Sequence);
            AddParameter(move, "hash", next.Hash);
            AddParameter(move, "revision", next.Revision);
            AddParameter(move, "expected_seq", expected.Sequence);
            AddParameter(move, "expected_hash", expected.Hash);
            AddParameter(move, "expected_revision", expected.Revision);
            if (await move.ExecuteNonQueryAsync(cancellationToken) != 1)
            {
                await tx.RollbackAsync(CancellationToken.None);
                return (LedgerAppendOutcome.Conflict, await ReadHeadAsync(connection, null, forUpdate: false, CancellationToken.None));
            }

            await tx.CommitAsync(cancellationToken);
            return (LedgerAppendOutcome.Appended, next);
        }
        catch (DbException ex) when (IsUniqueViolation(ex))
        {
            await tx.RollbackAsync(CancellationToken.None);
            return (LedgerAppendOutcome.Conflict, await ReadHeadAsync(connection, null, forUpdate: false, CancellationToken.None));
        }
    }

    private static bool IsUniqueViolation(DbException ex) =>
        ex is SqliteException { SqliteErrorCode: 19 } || ex is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    /// <summary>An append turn: the writer's connection, its open transaction and the head read under its lock.</summary>
    private sealed class Turn(SqlLedgerJournal journal, DbConnection connection, DbTransaction tx, LedgerHead head, WriteTurn sqliteTurn) : ILedgerAppendTurn
    {
        private bool appended;
        private bool failed;
        private bool disposed;

        public async Task<LedgerTail> ReadTailAsync(LedgerHead since, CancellationToken cancellationToken)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            try
            {
                return await journal.ReadTailAsync(connection, tx, head, since, cancellationToken);
            }
            catch
            {
                failed = true;
                throw;
            }
        }

        public async Task<(LedgerAppendOutcome Outcome, LedgerHead Head)> AppendAsync(LedgerBatch batch, LedgerHead expected, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(batch);
            ObjectDisposedException.ThrowIf(disposed || appended, this);
            appended = true;
            if (expected != head)
            {
                return (LedgerAppendOutcome.Conflict, head);
            }

            try
            {
                return await journal.AppendAsync(connection, tx, batch, expected, cancellationToken);
            }
            catch
            {
                failed = true;
                throw;
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (disposed)
            {
                return;
            }

            disposed = true;
            try
            {
                // Not committed: rolled back here (a committed transaction's dispose does nothing).
                await tx.DisposeAsync();
                if (failed)
                {
                    // A failed connection may be unusable; start afresh on the next turn.
                    await journal.ResetWriterAsync();
                }
            }
            finally
            {
                sqliteTurn.Dispose();
                journal.writeGate.Release();
            }
        }
    }

    private object DateParameter(DateOnly date) =>
        database.Provider == DatabaseProvider.Sqlite ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : date;
}
