using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using TreasuryArena.Core.Ledger;
using TreasuryArena.Infrastructure.Storage;

namespace TreasuryArena.Server.Tests.Fuzz;

/// <summary>
/// A digest of everything a request may change, per component: the ledger in memory (head, balances, wallets with
/// mode and risk, tokens with status and NAV) and every table of the database (rows sorted, so physical order does not
/// matter) except those a refusal legitimately writes: the audit chain, stored idempotent responses and job runs.
/// </summary>
public sealed class FuzzState
{
    /// <summary>Tables a refusal may write (refusal audit rows, the stored 4xx of an idempotent request) or that only record runs.</summary>
    public static readonly IReadOnlySet<string> Excluded = new HashSet<string>(StringComparer.Ordinal) { "audit_log", "idempotency_keys", "job_runs", "schema_version" };

    private FuzzState(IReadOnlyDictionary<string, string> digests)
    {
        Digests = digests;
    }

    public IReadOnlyDictionary<string, string> Digests { get; }

    public static async Task<FuzzState> CaptureAsync(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var ledger = services.GetRequiredService<LedgerService>();
        var digests = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["ledger.head"] = ledger.Head.ToString(),
            ["ledger.balances"] = Hash(ledger.SnapshotBalances().Select(b => $"{b.Key}={b.Value.ToString(CultureInfo.InvariantCulture)}")),
            ["ledger.wallets"] = Hash(ledger.ListWallets().Select(w => $"{w.Address} {w.Organisation} {w.Mode} {w.Risk}")),
            ["ledger.tokens"] = Hash(ledger.ListTokens().Select(t => $"{t.Token.Symbol} {t.Token.Status} {t.NavPerShare.Value.ToString(CultureInfo.InvariantCulture)} {t.Supply.Value.ToString(CultureInfo.InvariantCulture)}")),
        };

        var database = services.GetRequiredService<ArenaDatabase>();
        await using var connection = await database.OpenConnectionAsync();
        var tables = await TablesAsync(connection, database.Provider);
        foreach (var table in tables.Where(t => !Excluded.Contains(t)))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT * FROM " + table;
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<string>();
            var values = new object[reader.FieldCount];
            while (await reader.ReadAsync())
            {
                reader.GetValues(values);
                rows.Add(string.Join('\u001f', values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture))));
            }

            digests["db." + table] = rows.Count.ToString(CultureInfo.InvariantCulture) + ":" + Hash(rows);
        }

        return new FuzzState(digests);
    }

    /// <summary>The components whose digest differs (added or removed components count as different).</summary>
    public IReadOnlyList<string> Diff(FuzzState after)
    {
        ArgumentNullException.ThrowIfNull(after);
        return Digests.Keys.Union(after.Digests.Keys)
            .Where(k => !Digests.TryGetValue(k, out var a) || !after.Digests.TryGetValue(k, out var b) || a != b)
            .Select(k => $"{k} ({(Digests.TryGetValue(k, out var x) ? x[..Math.Min(12, x.Length)] : "-")} -> {(after.Digests.TryGetValue(k, out var y) ? y[..Math.Min(12, y.Length)] : "-")})")
            .ToList();
    }

    private static async Task<List<string>> TablesAsync(DbConnection connection, DatabaseProvider provider)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = provider == DatabaseProvider.Sqlite
            ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
            : "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name";
        var tables = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }

    private static string Hash(IEnumerable<string> rows)
    {
        var sorted = rows.Order(StringComparer.Ordinal);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001e', sorted))));
    }
}
