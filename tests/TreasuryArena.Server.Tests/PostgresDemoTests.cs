using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TreasuryArena.Infrastructure.Storage;
using TreasuryArena.Server.Tests.Support;

namespace TreasuryArena.Server.Tests;

/// <summary>
/// Issue 20: <c>arena demo --db Host=…</c> builds the demo in PostgreSQL (run once for the class, in-process, on a fresh
/// database of the ARENA_TEST_POSTGRES server), writes no file named after the connection string, and a real server on
/// the same database accepts the keys it printed; <c>--reset</c> drops only the arena's tables.
/// </summary>
public sealed class PostgresDemoTests(PostgresDemoTests.Demo demo) : IRequiresPostgres, IClassFixture<PostgresDemoTests.Demo>
{
    [DbFact]
    public async Task Demo_HostConnectionString_FillsPostgres_AndWritesNoFileNamedAfterIt()
    {
        Assert.True(demo.Code == 0, demo.Err);
        var s = demo.Summary!.RootElement;
        Assert.StartsWith("postgres://", s.GetProperty("database").GetString(), StringComparison.Ordinal);
        Assert.True(s.GetProperty("ledger_ok").GetBoolean());
        Assert.True(s.GetProperty("tokens").GetArrayLength() >= 10);
        Assert.Equal(demo.KeysFile, s.GetProperty("keys_file").GetString());
        Assert.True(File.Exists(demo.KeysFile));

        // Nothing named after the connection string (or anything else) appeared in the working directory.
        Assert.Empty(demo.CreatedInWorkingDirectory);
        Assert.DoesNotContain(Directory.GetFileSystemEntries(Directory.GetCurrentDirectory()),
            e => Path.GetFileName(e).Contains("Host=", StringComparison.OrdinalIgnoreCase) || Path.GetFileName(e).Contains("postgres:", StringComparison.OrdinalIgnoreCase));

        // The data is in PostgreSQL, and a read-only verb reads it there.
        await using var c = new NpgsqlConnection(demo.Database!.Connection);
        await c.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT COUNT(*) FROM ledger_entries", c);
        Assert.True((long)(await count.ExecuteScalarAsync())! > 0);
        var (verify, verifyOut, verifyErr) = await InProcessArena.RunAsync(["ledger", "verify", "--db", demo.Database.Connection, "--json"]);
        Assert.True(verify == 0, verifyErr);
        Assert.Contains("\"ok\":true", verifyOut, StringComparison.Ordinal);
    }

    /// <summary>Issue 21 on PostgreSQL: the demo's IPS, its refused buy (audited), its two-person approval and its board report.</summary>
    [DbFact]
    public async Task Demo_Postgres_SetsTheIps_RefusesABreach_ExecutesATwoPersonApproval_WritesTheBoardReport()
    {
        Assert.True(demo.Code == 0, demo.Err);
        await using var c = new NpgsqlConnection(demo.Database!.Connection);
        await c.OpenAsync();
        async Task<List<string>> Column(string sql)
        {
            await using var cmd = new NpgsqlCommand(sql, c);
            await using var r = await cmd.ExecuteReaderAsync();
            var list = new List<string>();
            while (await r.ReadAsync())
            {
                list.Add(r.GetString(0));
            }

            return list;
        }

        var document = Assert.Single(await Column("SELECT document FROM investment_policies"));
        Assert.Contains("fear-greed-contrarian", document, StringComparison.Ordinal);
        var audited = Assert.Single(await Column("SELECT detail FROM audit_log WHERE action = 'trade.buy' AND outcome = 'refused'"), d => d.Contains("\"policy_breach\"", StringComparison.Ordinal));
        Assert.Contains("\"clause\":\"excluded_strategies\"", audited, StringComparison.Ordinal);
        var row = Assert.Single(await Column("SELECT requested_by || '|' || decided_by || '|' || result FROM approvals WHERE status = 'executed'")).Split('|');
        // Stored records name members by pseudonym (issue 21: erasable names); two different members decided it.
        Assert.StartsWith("member-", row[0], StringComparison.Ordinal);
        Assert.StartsWith("member-", row[1], StringComparison.Ordinal);
        Assert.NotEqual(row[0][..19], row[1][..19]);
        Assert.StartsWith("executed:", row[2], StringComparison.Ordinal);

        var policy = demo.Summary!.RootElement.GetProperty("policy");
        Assert.Equal("policy_breach", policy.GetProperty("refusal").GetProperty("code").GetString());
        Assert.Equal("executed", policy.GetProperty("approval").GetProperty("status").GetString());
        var html = policy.GetProperty("board_report").GetProperty("html_path").GetString()!;
        Assert.Equal(demo.Directory, Path.GetDirectoryName(html)); // beside the keys file: a PostgreSQL demo has no database file
        Assert.Contains("Grace Community Church, 2025Q3</h1>", await File.ReadAllTextAsync(html), StringComparison.Ordinal);
    }

    [DbFact]
    public async Task Serve_SamePostgres_RealHttp_AcceptsTheDemoTreasurerKey()
    {
        Assert.True(demo.Code == 0, demo.Err);
        await using var app = ServerApp.Build([], b =>
        {
            b.Configuration["Arena:Database"] = demo.Database!.Connection;
            b.Configuration["Arena:JobsEnabled"] = "false";
            b.Configuration["Logging:LogLevel:Default"] = "Warning";
            b.WebHost.UseUrls("http://127.0.0.1:0");
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var http = new HttpClient { BaseAddress = new Uri(address) };

        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", demo.Key("treasurer"));
        var (status, org) = await Api.GetAsync(http, "/api/orgs/me");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Grace Community Church", org!.ToJsonString(), StringComparison.Ordinal);
        var (walletsStatus, wallets) = await Api.GetAsync(http, "/api/wallets");
        Assert.Equal(HttpStatusCode.OK, walletsStatus);
        Assert.Equal(5, wallets!.AsArray().Count); // the demo church's wallets, one per mode and risk tolerance

        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "ta_not_a_demo_key");
        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.GetAsync(http, "/api/orgs/me")).Status);
        await app.StopAsync();
    }

    [DbFact]
    public async Task Demo_Again_WithoutReset_RefusedAndChangesNothing()
    {
        Assert.True(demo.Code == 0, demo.Err);
        var before = await demo.LedgerEntriesAsync();

        var (code, _, err) = await InProcessArena.RunAsync(["demo", "--db", demo.Database!.Connection, "--weeks", "1"]);

        Assert.Equal(2, code);
        Assert.Contains("already holds the arena's tables", err, StringComparison.Ordinal);
        Assert.Contains("--reset", err, StringComparison.Ordinal);
        Assert.Equal(before, await demo.LedgerEntriesAsync());
    }

    [DbFact]
    public async Task Demo_Reset_PostgresUrl_DropsOnlyTheArenasTables_AndRebuilds()
    {
        await using var db = await TestDatabase.PostgresAsync();
        var builder = new NpgsqlConnectionStringBuilder(db.Connection);
        var url = $"postgres://{builder.Username}@{builder.Host}:{builder.Port}/{builder.Database}";
        await ArenaDatabase.OpenAsync(url, TimeProvider.System); // an arena's (empty) tables: a non-empty database
        await using (var c = new NpgsqlConnection(db.Connection))
        {
            await c.OpenAsync();
            await using var other = new NpgsqlCommand("CREATE TABLE other_app (id INT); INSERT INTO other_app VALUES (7)", c);
            await other.ExecuteNonQueryAsync();
        }

        var keys = Path.Combine(demo.Directory, "reset-keys.json");
        var (refused, _, refusedErr) = await InProcessArena.RunAsync(["demo", "--db", url, "--keys-file", keys, "--weeks", "1"]);
        Assert.Equal(2, refused);
        Assert.Contains("--reset", refusedErr, StringComparison.Ordinal);
        Assert.False(File.Exists(keys));

        var (code, output, err) = await InProcessArena.RunAsync(["demo", "--reset", "--db", url, "--keys-file", keys, "--weeks", "2", "--to", "2025-10-05", "--json"]);

        Assert.True(code == 0, err);
        using var summary = JsonDocument.Parse(output);
        Assert.True(summary.RootElement.GetProperty("ledger_ok").GetBoolean());
        Assert.True(File.Exists(keys));
        await using var check = new NpgsqlConnection(db.Connection);
        await check.OpenAsync();
        await using var kept = new NpgsqlCommand("SELECT id FROM other_app", check);
        Assert.Equal(7, (int)(await kept.ExecuteScalarAsync())!);
        await using var admins = new NpgsqlCommand("SELECT COUNT(*) FROM api_keys", check);
        Assert.Equal(4L, (long)(await admins.ExecuteScalarAsync())!); // admin, two treasurers, a viewer
    }

    /// <summary>The class's one demo run: <c>arena demo --db Host=…</c> on a fresh PostgreSQL database.</summary>
    public sealed class Demo : IAsyncLifetime
    {
        public string Directory { get; } = Path.Combine(Path.GetTempPath(), "arena-pgdemo-" + Guid.NewGuid().ToString("N"));

        public string KeysFile => Path.Combine(Directory, "keys.json");

        public TestDatabase? Database { get; private set; }

        public int Code { get; private set; } = -1;

        public string Err { get; private set; } = "not run (ARENA_TEST_POSTGRES unset)";

        public JsonDocument? Summary { get; private set; }

        public IReadOnlyList<string> CreatedInWorkingDirectory { get; private set; } = [];

        public string Key(string role) =>
            JsonDocument.Parse(File.ReadAllText(KeysFile)).RootElement.EnumerateArray().First(k => k.GetProperty("role").GetString() == role).GetProperty("key").GetString()!;

        public async Task<long> LedgerEntriesAsync()
        {
            await using var c = new NpgsqlConnection(Database!.Connection);
            await c.OpenAsync();
            await using var count = new NpgsqlCommand("SELECT COUNT(*) FROM ledger_entries", c);
            return (long)(await count.ExecuteScalarAsync())!;
        }

        public async Task InitializeAsync()
        {
            if (string.IsNullOrWhiteSpace(TestDatabase.PostgresConnectionString))
            {
                return;
            }

            System.IO.Directory.CreateDirectory(Directory);
            Database = await TestDatabase.PostgresAsync();
            var cwd = System.IO.Directory.GetCurrentDirectory();
            var before = System.IO.Directory.GetFileSystemEntries(cwd).ToHashSet(StringComparer.Ordinal);
            (Code, var output, Err) = await InProcessArena.RunAsync(["demo", "--db", Database.Connection, "--keys-file", KeysFile, "--weeks", "4", "--to", "2025-10-05", "--json"]);
            CreatedInWorkingDirectory = [.. System.IO.Directory.GetFileSystemEntries(cwd).Where(e => !before.Contains(e))];
            if (Code == 0)
            {
                Summary = JsonDocument.Parse(output);
            }
        }

        public async Task DisposeAsync()
        {
            Summary?.Dispose();
            if (Database is not null)
            {
                await Database.DisposeAsync();
            }

            if (System.IO.Directory.Exists(Directory))
            {
                System.IO.Directory.Delete(Directory, recursive: true);
            }
        }
    }
}
