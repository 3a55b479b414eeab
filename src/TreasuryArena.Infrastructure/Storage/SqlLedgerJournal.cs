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
        "inception_date, reference_nav, high_water_mark, last_fee_date, last_crystallisation_date, hurdle, high_water_mark_date, hurdle_index) VALUES " +
        "(@symbol, @name, @strategy_id, @status, @trade, @management, @performance, @crystallisation, @inception, @nav, @hwm, @last_fee, @last_cryst, " +
        "@hurdle, @hwm_date, @hurdle_index) " +
        "ON CONFLICT (symbol) DO UPDATE SET name = excluded.name, strategy_id = excluded.strategy_id, status = excluded.status, " +
        "trade_fee_rate = excluded.trade_fee_rate, management_fee_rate = excluded.management_fee_rate, performance_fee_rate = excluded.performance_fee_rate, " +
        "crystallisation = excluded.crystallisation, reference_nav = excluded.reference_nav, high_water_mark = excluded.high_water_mark, " +
        "last_fee_date = excluded.last_fee_date, last_crystallisation_date = excluded.last_crystallisation_date, hurdle = excluded.hurdle, " +
        "high_water_mark_date = excluded.high_water_mark_date, hurdle_index = excluded.hurdle_index";

    private const string UpsertWallet =
        "INSERT INTO ledger_wallets (address, organisation, mode, risk, created_at) VALUES (@address, @organisation, @mode, @risk, @created_at) " +
        "ON CONFLICT (address) DO UPDATE SET mode = excluded.mode, risk = excluded.risk";

    private readonly ArenaDatabase database;
    private readonly SemaphoreSlim writeGate = new(1, 1);
    private DbConnection? writer;
    private SqliteCommand? insertEntry;
    private SqliteCommand? upsertBalance;

    internal SqlLedgerJournal(ArenaDatabase database) => this.database = database;

    public async Task<LedgerSnapshot> LoadAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var tokens = new List<StrategyToken>();
        await using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "SELECT symbol, name, strategy_id, status, trade_fee_rate, management_fee_rate, performance_fee_rate, crystallisation, " +
                              "inception_date, reference_nav, high_water_mark, last_fee_date, last_crystallisation_date, hurdle, high_water_mark_date, hurdle_index " +
                              "FROM ledger_tokens ORDER BY symbol";
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
        }

        var wallets = new List<Wallet>();
        await using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "SELECT address, organisation, mode, risk, created_at FROM ledger_wallets ORDER BY address";
            await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
            while (await r.ReadAsync(cancellationToken))
            {
                wallets.Add(new Wallet(r.GetString(0), r.GetString(1), Enum.Parse<WalletMode>(r.GetString(2)), Enum.Parse<RiskTolerance>(r.GetString(3)), database.ReadInstant(r, 4)));
            }
        }

        return new LedgerSnapshot(tokens, wallets);
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

    public async Task AppendAsync(LedgerBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        await writeGate.WaitAsync(cancellationToken);
        try
        {
            if (database.Provider == DatabaseProvider.Sqlite)
            {
                using var turn = await database.WriteTurnAsync(cancellationToken);
                await AppendSqliteAsync(batch, cancellationToken);
            }
            else
            {
                await AppendPostgresAsync(batch, cancellationToken);
            }
        }
        catch
        {
            // A failed connection may be unusable; start afresh on the next batch.
            await ResetWriterAsync();
            throw;
        }
        finally
        {
            writeGate.Release();
        }
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

    private async Task AppendSqliteAsync(LedgerBatch batch, CancellationToken cancellationToken)
    {
        if (writer is null)
        {
            writer = await database.OpenConnectionAsync(cancellationToken);
            var conn = (SqliteConnection)writer;
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

        var connection = (SqliteConnection)writer;
        using var tx = connection.BeginTransaction();
        insertEntry!.Transaction = tx;
        upsertBalance!.Transaction = tx;
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

        await WriteTokensAndWalletsAsync(connection, tx, batch, cancellationToken);
        tx.Commit();
    }

    private async Task AppendPostgresAsync(LedgerBatch batch, CancellationToken cancellationToken)
    {
        writer ??= await database.OpenConnectionAsync(cancellationToken);
        var connection = (NpgsqlConnection)writer;
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
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

        await WriteTokensAndWalletsAsync(connection, tx, batch, cancellationToken);
        await tx.CommitAsync(cancellationToken);
    }

    private async Task WriteTokensAndWalletsAsync(DbConnection connection, DbTransaction tx, LedgerBatch batch, CancellationToken cancellationToken)
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
                },
                tx,
                cancellationToken: cancellationToken));
        }
    }

    private object DateParameter(DateOnly date) =>
        database.Provider == DatabaseProvider.Sqlite ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : date;
}
