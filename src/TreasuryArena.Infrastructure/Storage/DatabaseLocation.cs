using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace TreasuryArena.Infrastructure.Storage;

/// <summary>
/// Where the database is, parsed from a <c>--db</c> value: a <c>postgres://user:pass@host:port/db?…</c> (or
/// <c>postgresql://</c>) URL or a <c>Host=…;…</c> connection string (keys in any case, <c>Server=</c> too) means
/// PostgreSQL; a plain path means a SQLite file (WAL). A value that looks like a connection string is never taken as a
/// file name: any other <c>scheme:/…</c> URL (also a mistyped <c>postgres:/…</c>) and any <c>key=value</c> list that is
/// not a PostgreSQL connection string are refused, naming what was expected (a file whose name starts that way is
/// written <c>./NAME</c>). Error messages never repeat a password.
/// </summary>
/// <param name="Provider">Which database.</param>
/// <param name="ConnectionString">An ADO.NET connection string for the provider.</param>
/// <param name="Display">A printable form without the password (the full file path for SQLite).</param>
public sealed partial record DatabaseLocation(DatabaseProvider Provider, string ConnectionString, string Display)
{
    /// <summary>What a <c>--db</c> value may be, for error messages.</summary>
    public const string Expected = "a SQLite file path, a PostgreSQL URL postgres://user:password@host:port/database, or a PostgreSQL connection string Host=…;Port=…;Username=…;Database=…";

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

        if (UrlScheme().Match(db) is { Success: true } url)
        {
            var scheme = url.Groups[1].Value;
            throw new ArgumentException(
                scheme.StartsWith("postgres", StringComparison.OrdinalIgnoreCase)
                    ? $"'{Redact(db)}' is not a PostgreSQL URL: expected postgres://user:password@host:port/database (two slashes after the scheme)"
                    : $"'{scheme}:' databases are not supported: expected {Expected} (a file whose name starts this way: ./NAME)",
                nameof(db));
        }

        if (KeyValue().IsMatch(db))
        {
            return FromConnectionString(db);
        }

        var path = Path.GetFullPath(db);
        var sqlite = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, Cache = SqliteCacheMode.Private };
        return new DatabaseLocation(DatabaseProvider.Sqlite, sqlite.ToString(), path);
    }

    /// <summary>True for a SQLite location whose file does not exist (nothing has created the database yet).</summary>
    public bool IsMissingFile => Provider == DatabaseProvider.Sqlite && !File.Exists(Display);

    /// <summary>The PostgreSQL database's name (null for SQLite).</summary>
    public string? DatabaseName => Provider == DatabaseProvider.Postgres ? new NpgsqlConnectionStringBuilder(ConnectionString).Database : null;

    /// <summary>
    /// This location with SQLite told never to create the file (<c>Mode=ReadWrite</c>): every connection fails on a
    /// missing file instead of creating an empty database. PostgreSQL locations are returned unchanged.
    /// </summary>
    public DatabaseLocation WithoutCreate() => Provider != DatabaseProvider.Sqlite
        ? this
        : this with { ConnectionString = new SqliteConnectionStringBuilder(ConnectionString) { Mode = SqliteOpenMode.ReadWrite }.ToString() };

    /// <summary><paramref name="db"/> with any password replaced by <c>***</c> (a URL's user info or a <c>Password=</c> key).</summary>
    public static string Redact(string db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var at = db.LastIndexOf('@');
        var scheme = db.IndexOf(':', StringComparison.Ordinal);
        if (at > 0 && scheme > 0 && scheme < at)
        {
            var start = scheme + 1;
            while (start < at && db[start] == '/')
            {
                start++;
            }

            var colon = db.IndexOf(':', start, at - start);
            if (colon >= 0)
            {
                db = string.Concat(db.AsSpan(0, colon + 1), "***", db.AsSpan(at));
            }
        }

        return PasswordKey().Replace(db, "$1***");
    }

    private static DatabaseLocation FromConnectionString(string db)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(db);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or KeyNotFoundException)
        {
            throw new ArgumentException($"'{Redact(db)}' is a connection string but not a PostgreSQL one ({WithoutParameter(ex)}): expected {Expected}", nameof(db), ex);
        }

        if (string.IsNullOrWhiteSpace(builder.Host))
        {
            throw new ArgumentException($"'{Redact(db)}' is a connection string without Host=: expected {Expected}", nameof(db));
        }

        return Postgres(builder);
    }

    private static string WithoutParameter(Exception ex) =>
        ex is ArgumentException { ParamName: { } name } && ex.Message.EndsWith($" (Parameter '{name}')", StringComparison.Ordinal)
            ? ex.Message[..^$" (Parameter '{name}')".Length]
            : ex.Message;

    private static DatabaseLocation FromUrl(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw new ArgumentException($"not a valid PostgreSQL URL: {Redact(url)} (expected postgres://user:password@host:port/database)", nameof(url));
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
                throw new ArgumentException($"unsupported PostgreSQL URL parameter '{key}': {WithoutParameter(ex)}", nameof(url), ex);
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

    // A URL scheme of two or more letters (so not a Windows drive, C:/) followed by ':/' — or any 'postgres…:' prefix.
    [GeneratedRegex(@"^([A-Za-z][A-Za-z0-9+.\-]+):(?:/|(?<=^postgres(?:ql)?:))", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex UrlScheme();

    // 'key=' at the start, the key a word (letters, digits, spaces, underscores), as in Host=…, host=…, User Id=….
    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9 _]*=", RegexOptions.CultureInvariant)]
    private static partial Regex KeyValue();

    [GeneratedRegex(@"((?:password|pwd)\s*=\s*)[^;]*", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex PasswordKey();
}
