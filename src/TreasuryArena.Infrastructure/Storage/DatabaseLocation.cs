using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace TreasuryArena.Infrastructure.Storage;

/// <summary>
/// Where the database is, parsed from a <c>--db</c> value: a <c>postgres://user:pass@host:port/db?…</c> URL or a
/// <c>Host=…;…</c> connection string means PostgreSQL; anything else is a file path for SQLite (WAL).
/// </summary>
/// <param name="Provider">Which database.</param>
/// <param name="ConnectionString">An ADO.NET connection string for the provider.</param>
/// <param name="Display">A printable form without the password.</param>
public sealed record DatabaseLocation(DatabaseProvider Provider, string ConnectionString, string Display)
{
    public static DatabaseLocation Parse(string db)
    {
        if (string.IsNullOrWhiteSpace(db))
        {
            throw new ArgumentException("a database path or PostgreSQL connection string is required", nameof(db));
        }

        db = db.Trim();
        if (db.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || db.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return FromUrl(db);
        }

        if (db.Contains('=', StringComparison.Ordinal) &&
            (db.StartsWith("Host=", StringComparison.OrdinalIgnoreCase) || db.Contains(";Host=", StringComparison.OrdinalIgnoreCase) ||
             db.StartsWith("Server=", StringComparison.OrdinalIgnoreCase)))
        {
            NpgsqlConnectionStringBuilder builder;
            try
            {
                builder = new NpgsqlConnectionStringBuilder(db);
            }
            catch (ArgumentException ex)
            {
                throw new ArgumentException($"not a valid PostgreSQL connection string: {ex.Message}", nameof(db), ex);
            }

            return Postgres(builder);
        }

        var path = Path.GetFullPath(db);
        var sqlite = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, Cache = SqliteCacheMode.Private };
        return new DatabaseLocation(DatabaseProvider.Sqlite, sqlite.ToString(), path);
    }

    private static DatabaseLocation FromUrl(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw new ArgumentException($"not a valid PostgreSQL URL: {url}", nameof(url));
        }

        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.Port > 0 ? uri.Port : 5432,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')) is { Length: > 0 } d ? d : "postgres",
        };
        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            var parts = uri.UserInfo.Split(':', 2);
            builder.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length == 2)
            {
                builder.Password = Uri.UnescapeDataString(parts[1]);
            }
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            var key = Uri.UnescapeDataString(kv[0]);
            var value = kv.Length == 2 ? Uri.UnescapeDataString(kv[1]) : "";
            try
            {
                builder[key.Equals("sslmode", StringComparison.OrdinalIgnoreCase) ? "SSL Mode" : key] = value;
            }
            catch (ArgumentException ex)
            {
                throw new ArgumentException($"unsupported PostgreSQL URL parameter '{key}': {ex.Message}", nameof(url), ex);
            }
        }

        return Postgres(builder);
    }

    private static DatabaseLocation Postgres(NpgsqlConnectionStringBuilder builder)
    {
        // A burst of requests opens many connections at once; a busy server can take longer than Npgsql's 15 s default
        // to start them all. Wait up to a minute (for a connection or a pooled one) before failing the request.
        builder.Timeout = Math.Max(builder.Timeout, 60);
        var display = string.Create(CultureInfo.InvariantCulture, $"postgres://{builder.Username}@{builder.Host}:{builder.Port}/{builder.Database}");
        return new DatabaseLocation(DatabaseProvider.Postgres, builder.ConnectionString, display);
    }
}
