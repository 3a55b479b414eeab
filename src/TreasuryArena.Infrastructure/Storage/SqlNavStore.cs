using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Dapper;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Nav;
using TreasuryArena.Core.Tokens;

namespace TreasuryArena.Infrastructure.Storage;

/// <summary>The NAV engine's tables (migration 0300) in SQLite or PostgreSQL; scales are documented in the migration.</summary>
public sealed class SqlNavStore(ArenaDatabase database, TimeProvider time) : INavStore
{
    private const int NavScale = 8;
    private const int FractionScale = 10;
    private const int RatioScale = 6;
    private const string BackingColumns = "symbol, strategy, parameters, inception, breaker_reference, breaker_limit, breaker_source, breaker_backtest_drawdown, breaker_window_from, breaker_window_to, breaker_multiple, breaker_floor, breaker_cap";

    public async Task<IReadOnlyList<TokenBacking>> ListBackingsAsync(CancellationToken ct)
    {
        await using var c = await database.OpenConnectionAsync(ct);
        return await ReadBackingsAsync(c, "SELECT " + BackingColumns + " FROM token_backings ORDER BY symbol", null, ct);
    }

    public async Task<TokenBacking?> FindBackingAsync(string symbol, CancellationToken ct)
    {
        await using var c = await database.OpenConnectionAsync(ct);
        var list = await ReadBackingsAsync(c, "SELECT " + BackingColumns + " FROM token_backings WHERE symbol = @symbol", new { symbol }, ct);
        return list.Count == 0 ? null : list[0];
    }

    public async Task<bool> TryAddBackingAsync(TokenBacking backing, string backtestJson, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(backing);
        await using var c = await database.OpenConnectionAsync(ct);
        var sql = "INSERT INTO token_backings (symbol, strategy, parameters, inception, breaker_reference, backtest, created_at) " +
                  "VALUES (@symbol, @strategy, @parameters, @inception, @reference, @backtest, @created) ON CONFLICT (symbol) DO NOTHING";
        await using var tx = await c.BeginTransactionAsync(ct);
        var n = await c.ExecuteAsync(new CommandDefinition(sql, new
        {
            symbol = backing.Symbol,
            strategy = backing.Strategy,
            parameters = JsonSerializer.Serialize(backing.Parameters),
            inception = Date(backing.Inception),
            reference = Date(backing.BreakerReference),
            backtest = backtestJson,
            created = database.InstantParameter(time.GetUtcNow()),
        }, tx, cancellationToken: ct));
        if (n == 1 && backing.Breaker is { } limit)
        {
            await c.ExecuteAsync(new CommandDefinition(SetLimitSql, LimitParameters(backing.Symbol, limit), tx, cancellationToken: ct));
        }

        await tx.CommitAsync(ct);
        database.NavChanged();
        return n == 1;
    }

    private const string SetLimitSql =
        "UPDATE token_backings SET breaker_limit = @limit, breaker_source = @source, breaker_backtest_drawdown = @mdd, breaker_window_from = @from, " +
        "breaker_window_to = @to, breaker_multiple = @multiple, breaker_floor = @floor, breaker_cap = @cap WHERE symbol = @symbol";

    public async Task SetBreakerLimitAsync(string symbol, BreakerLimit limit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(limit);
        await using var c = await database.OpenConnectionAsync(ct);
        await c.ExecuteAsync(new CommandDefinition(SetLimitSql, LimitParameters(symbol, limit), cancellationToken: ct));
        database.NavChanged();
    }

    /// <summary>A breaker limit as stored: fractions and the multiple as integers at scale 6, the source's snake_case name.</summary>
    private object LimitParameters(string symbol, BreakerLimit limit) => new
    {
        symbol,
        limit = RoundingPolicy.ToScaled(Round(limit.Limit, BreakerLimit.Scale), BreakerLimit.Scale),
        source = limit.SourceName,
        mdd = limit.BacktestMaxDrawdown is { } m ? RoundingPolicy.ToScaled(Round(m, BreakerLimit.Scale), BreakerLimit.Scale) : (long?)null,
        from = limit.WindowFrom is { } f ? Date(f) : null,
        to = limit.WindowTo is { } t ? Date(t) : null,
        multiple = RoundingPolicy.ToScaled(Round(limit.Multiple, BreakerLimit.Scale), BreakerLimit.Scale),
        floor = RoundingPolicy.ToScaled(Round(limit.Floor, BreakerLimit.Scale), BreakerLimit.Scale),
        cap = RoundingPolicy.ToScaled(Round(limit.Cap, BreakerLimit.Scale), BreakerLimit.Scale),
    };

    public async Task SetBreakerReferenceAsync(string symbol, DateOnly date, CancellationToken ct)
    {
        await using var c = await database.OpenConnectionAsync(ct);
        await c.ExecuteAsync(new CommandDefinition("UPDATE token_backings SET breaker_reference = @d WHERE symbol = @symbol", new { d = Date(date), symbol }, cancellationToken: ct));
        database.NavChanged();
    }

    public async Task<string?> FindBacktestAsync(string symbol, CancellationToken ct)
    {
        await using var c = await database.OpenConnectionAsync(ct);
        return await c.ExecuteScalarAsync<string?>(new CommandDefinition("SELECT backtest FROM token_backings WHERE symbol = @symbol", new { symbol }, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<NavHistoryRow>> HistoryAsync(string symbol, int? last, CancellationToken ct)
    {
        await using var c = await database.OpenConnectionAsync(ct);
        await using var cmd = c.CreateCommand();
        const string columns = "symbol, date, nav, daily_return, high_water_mark, drawdown, sharpe_90, volatility_90, gross_nav, supply, management_fee, performance_fee";
        cmd.CommandText = last is { } n
            ? $"SELECT {columns} FROM (SELECT {columns} FROM token_nav_history WHERE symbol = @symbol ORDER BY date DESC LIMIT {n.ToString(CultureInfo.InvariantCulture)}) t ORDER BY date"
            : $"SELECT {columns} FROM token_nav_history WHERE symbol = @symbol ORDER BY date";
        var p = cmd.CreateParameter();
        p.ParameterName = "symbol";
        p.Value = symbol;
        cmd.Parameters.Add(p);
        var rows = new List<NavHistoryRow>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            rows.Add(new NavHistoryRow(
                r.GetString(0),
                r.GetFieldValue<DateOnly>(1),
                RoundingPolicy.FromScaled(r.GetInt64(2), NavScale),
                RoundingPolicy.FromScaled(r.GetInt64(3), FractionScale),
                RoundingPolicy.FromScaled(r.GetInt64(4), NavScale),
                RoundingPolicy.FromScaled(r.GetInt64(5), FractionScale),
                r.IsDBNull(6) ? null : RoundingPolicy.FromScaled(r.GetInt64(6), RatioScale),
                r.IsDBNull(7) ? null : RoundingPolicy.FromScaled(r.GetInt64(7), RatioScale),
                RoundingPolicy.FromScaled(r.GetInt64(8), NavScale),
                RoundingPolicy.FromScaled(r.GetInt64(9), NavScale),
                RoundingPolicy.FromScaled(r.GetInt64(10), 2),
                RoundingPolicy.FromScaled(r.GetInt64(11), 2)));
        }

        return rows;
    }

    public async Task AppendAsync(IReadOnlyList<NavHistoryRow> rows, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return;
        }

        await using var c = await database.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        const string sql = "INSERT INTO token_nav_history (symbol, date, nav, daily_return, high_water_mark, drawdown, sharpe_90, volatility_90, gross_nav, supply, management_fee, performance_fee) " +
                           "VALUES (@symbol, @date, @nav, @ret, @hwm, @dd, @sharpe, @vol, @gross, @supply, @mgmt, @perf) ON CONFLICT (symbol, date) DO NOTHING";
        foreach (var row in rows)
        {
            await c.ExecuteAsync(new CommandDefinition(sql, Parameters(row), tx, cancellationToken: ct));
        }

        await tx.CommitAsync(ct);
        database.NavChanged();
    }

    /// <summary>One NAV row as the scaled integers both the insert and the revision store.</summary>
    private object Parameters(NavHistoryRow row) => new
    {
        symbol = row.Symbol,
        date = Date(row.Date),
        nav = RoundingPolicy.ToScaled(Round(row.Nav, NavScale), NavScale),
        ret = RoundingPolicy.ToScaled(Round(row.DailyReturn, FractionScale), FractionScale),
        hwm = RoundingPolicy.ToScaled(Round(row.HighWaterMark, NavScale), NavScale),
        dd = RoundingPolicy.ToScaled(Round(row.Drawdown, FractionScale), FractionScale),
        sharpe = row.Sharpe90 is { } s ? RoundingPolicy.ToScaled(Round(s, RatioScale), RatioScale) : (long?)null,
        vol = row.Volatility90 is { } v ? RoundingPolicy.ToScaled(Round(v, RatioScale), RatioScale) : (long?)null,
        gross = RoundingPolicy.ToScaled(Round(row.GrossNav, NavScale), NavScale),
        supply = RoundingPolicy.ToScaled(Round(row.Supply, NavScale), NavScale),
        mgmt = RoundingPolicy.ToScaled(Round(row.ManagementFee, 2), 2),
        perf = RoundingPolicy.ToScaled(Round(row.PerformanceFee, 2), 2),
    };

    public async Task ReviseAsync(NavHistoryRow row, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(row);
        await using var c = await database.OpenConnectionAsync(ct);
        await c.ExecuteAsync(new CommandDefinition(
            "UPDATE token_nav_history SET nav = @nav, daily_return = @ret, high_water_mark = @hwm, drawdown = @dd, sharpe_90 = @sharpe, volatility_90 = @vol, " +
            "gross_nav = @gross, supply = @supply, management_fee = @mgmt, performance_fee = @perf WHERE symbol = @symbol AND date = @date",
            Parameters(row), cancellationToken: ct));
        database.NavChanged();
    }

    public async Task AddEventAsync(LifecycleEvent lifecycleEvent, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(lifecycleEvent);
        await using var c = await database.OpenConnectionAsync(ct);
        await c.ExecuteAsync(new CommandDefinition(
            "INSERT INTO token_lifecycle_events (id, symbol, date, from_status, to_status, actor, reason, at) VALUES (@id, @symbol, @date, @from, @to, @actor, @reason, @at)",
            new
            {
                id = Guid.CreateVersion7(lifecycleEvent.At).ToString(),
                symbol = lifecycleEvent.Symbol,
                date = Date(lifecycleEvent.Date),
                from = lifecycleEvent.From.ToString(),
                to = lifecycleEvent.To.ToString(),
                actor = lifecycleEvent.Actor,
                reason = lifecycleEvent.Reason,
                at = database.InstantParameter(lifecycleEvent.At),
            }, cancellationToken: ct));
        database.NavChanged();
    }

    public async Task<IReadOnlyList<LifecycleEvent>> EventsAsync(string? symbol, CancellationToken ct)
    {
        await using var c = await database.OpenConnectionAsync(ct);
        await using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT symbol, date, from_status, to_status, actor, reason, at FROM token_lifecycle_events" +
                          (symbol is null ? "" : " WHERE symbol = @symbol") + " ORDER BY at, date, id"; // events of one instant (a frozen or replay clock) in NAV-date order
        if (symbol is not null)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = "symbol";
            p.Value = symbol;
            cmd.Parameters.Add(p);
        }

        var list = new List<LifecycleEvent>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            list.Add(new LifecycleEvent(r.GetString(0), r.GetFieldValue<DateOnly>(1), Enum.Parse<TokenStatus>(r.GetString(2)), Enum.Parse<TokenStatus>(r.GetString(3)),
                r.GetString(4), r.GetString(5), database.ReadInstant(r, 6)));
        }

        return list;
    }

    private static async Task<IReadOnlyList<TokenBacking>> ReadBackingsAsync(DbConnection c, string sql, object? args, CancellationToken ct)
    {
        await using var r = await c.ExecuteReaderAsync(new CommandDefinition(sql, args, cancellationToken: ct));
        var list = new List<TokenBacking>();
        while (await r.ReadAsync(ct))
        {
            var parameters = JsonSerializer.Deserialize<Dictionary<string, string>>(r.GetString(2)) ?? [];
            BreakerLimit? limit = null;
            if (!r.IsDBNull(5))
            {
                limit = new BreakerLimit(
                    Scaled(r, 5)!.Value,
                    ParseSource(r.GetString(6)),
                    Scaled(r, 7),
                    r.IsDBNull(8) ? null : r.GetFieldValue<DateOnly>(8),
                    r.IsDBNull(9) ? null : r.GetFieldValue<DateOnly>(9),
                    Scaled(r, 10)!.Value,
                    Scaled(r, 11)!.Value,
                    Scaled(r, 12)!.Value);
            }

            list.Add(new TokenBacking(r.GetString(0), r.GetString(1), parameters, r.GetFieldValue<DateOnly>(3), r.GetFieldValue<DateOnly>(4), limit));
        }

        return list;
    }

    private static decimal? Scaled(DbDataReader r, int i) => r.IsDBNull(i) ? null : RoundingPolicy.FromScaled(r.GetInt64(i), BreakerLimit.Scale);

    private static BreakerLimitSource ParseSource(string name) => name switch
    {
        "backtest" => BreakerLimitSource.Backtest,
        "floor" => BreakerLimitSource.Floor,
        "cap" => BreakerLimitSource.Cap,
        "short_backtest" => BreakerLimitSource.ShortBacktest,
        "no_backtest" => BreakerLimitSource.NoBacktest,
        _ => throw new InvalidOperationException($"unknown breaker source '{name}' in token_backings"),
    };

    private object Date(DateOnly date) =>
        database.Provider == DatabaseProvider.Sqlite ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : date;

    private static decimal Round(decimal value, int scale) => RoundingPolicy.Nearest(value, scale);
}
