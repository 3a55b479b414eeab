using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace TreasuryArena.Cli.Tests.Ledger;

public sealed class LedgerCommandsTests : IDisposable
{
    private readonly string dir = Path.Combine(Path.GetTempPath(), "arena-cli-" + Guid.NewGuid().ToString("N"));

    public LedgerCommandsTests() => Directory.CreateDirectory(dir);

    [Fact]
    public async Task SimulateThenVerify_FreshDatabase_SummaryAndOk()
    {
        var db = Path.Combine(dir, "sim.db");
        var sim = await ArenaProcess.RunAsync("ledger", "simulate", "--db", db, "--ops", "3000", "--seed", "5", "--wallets", "6", "--tokens", "2");
        Assert.Equal(0, sim.ExitCode);
        using var summary = JsonDocument.Parse(sim.Stdout);
        var root = summary.RootElement;
        Assert.Equal(3000, root.GetProperty("ops").GetInt64());
        var accepted = root.GetProperty("accepted").GetInt64();
        var refused = root.GetProperty("refused").GetInt64();
        Assert.Equal(3000, accepted + refused);
        Assert.True(refused > 0, "the simulation includes invalid operations that must be refused");
        Assert.True(root.GetProperty("seconds").GetDecimal() > 0m);
        Assert.True(root.GetProperty("ops_per_second").GetDecimal() > 0m);

        var verify = await ArenaProcess.RunAsync("ledger", "verify", "--db", db, "--json");
        Assert.Equal(0, verify.ExitCode);
        using var v = JsonDocument.Parse(verify.Stdout);
        Assert.True(v.RootElement.GetProperty("ok").GetBoolean());
        Assert.True(v.RootElement.GetProperty("entries").GetInt64() > accepted);
        Assert.Equal(0, v.RootElement.GetProperty("violations").GetArrayLength());
    }

    [Fact]
    public async Task Verify_TamperedRow_ExitsNonZeroWithWhere()
    {
        var db = Path.Combine(dir, "t.db");
        Assert.Equal(0, (await ArenaProcess.RunAsync("ledger", "simulate", "--db", db, "--ops", "200", "--seed", "1")).ExitCode);
        await using (var conn = new SqliteConnection("Data Source=" + db + ";Pooling=False"))
        {
            await conn.OpenAsync();
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = "UPDATE ledger_entries SET to_account = 'revenue' WHERE seq = 7";
            await cmd.ExecuteNonQueryAsync();
        }

        var verify = await ArenaProcess.RunAsync("ledger", "verify", "--db", db, "--json");
        Assert.Equal(1, verify.ExitCode);
        using var v = JsonDocument.Parse(verify.Stdout);
        Assert.False(v.RootElement.GetProperty("ok").GetBoolean());
        Assert.Contains(v.RootElement.GetProperty("violations").EnumerateArray(), x => x.GetProperty("where").GetString() == "entry 7" && x.GetProperty("what").GetString() == "hash");
    }

    [Fact]
    public async Task Simulate_BadOptions_ErrorExit2()
    {
        var r = await ArenaProcess.RunAsync("ledger", "simulate", "--db", Path.Combine(dir, "x.db"), "--ops", "10", "--seed", "1", "--wallets", "0");
        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith("error:", r.Stderr, StringComparison.Ordinal);
        var bad = await ArenaProcess.RunAsync("ledger", "verify", "--db", "postgres://");
        Assert.Equal(2, bad.ExitCode);
    }

    /// <summary>
    /// Kills <c>arena ledger simulate</c> (SIGKILL) in the middle of its writes, then reopens the database: verify
    /// passes (no half-written operation, chain intact) and every trade the child acknowledged is stored.
    /// </summary>
    [Fact]
    public async Task Simulate_KilledMidWrite_NoAcknowledgedTradeLostAndVerifies()
    {
        var db = Path.Combine(dir, "crash.db");
        var ackLog = Path.Combine(dir, "acks.txt");
        // Bounded run (it cannot run away if the kill comes late on a busy machine); killed once it has acknowledged
        // a few thousand trades, and always killed in finally so no child outlives the test.
        var child = ArenaProcess.Start("ledger", "simulate", "--db", db, "--ops", "200000", "--seed", "9", "--in-flight", "256", "--ack-log", ackLog);
        try
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            while (clock.Elapsed < TimeSpan.FromSeconds(90) && !child.HasExited && (!File.Exists(ackLog) || new FileInfo(ackLog).Length < 30_000))
            {
                await Task.Delay(20);
            }

            Assert.False(child.HasExited, "the simulation ended before it could be killed: " + await child.StandardError.ReadToEndAsync());
        }
        finally
        {
            if (!child.HasExited)
            {
                child.Kill(entireProcessTree: true);
            }

            await child.WaitForExitAsync();
            child.Dispose();
        }

        var acknowledged = (await File.ReadAllLinesAsync(ackLog)).Where(l => l.Length > 0).ToList();
        Assert.True(acknowledged.Count > 500, $"only {acknowledged.Count} acknowledgements before the kill");

        var verify = await ArenaProcess.RunAsync("ledger", "verify", "--db", db, "--json");
        Assert.True(verify.ExitCode == 0, verify.Stdout + verify.Stderr);

        var stored = new HashSet<string>(StringComparer.Ordinal);
        await using (var conn = new SqliteConnection("Data Source=" + db + ";Pooling=False"))
        {
            await conn.OpenAsync();
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = "SELECT DISTINCT idem_key FROM ledger_entries";
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync())
            {
                stored.Add(r.GetString(0));
            }
        }

        var lost = acknowledged.Where(k => !stored.Contains(k)).Take(5).ToList();
        Assert.True(lost.Count == 0, "acknowledged but not stored: " + string.Join(", ", lost));

        // The database stays usable: another run appends and still verifies.
        Assert.Equal(0, (await ArenaProcess.RunAsync("ledger", "simulate", "--db", db, "--ops", "300", "--seed", "10")).ExitCode);
        Assert.Equal(0, (await ArenaProcess.RunAsync("ledger", "verify", "--db", db)).ExitCode);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (IOException)
        {
            // Best effort; the OS cleans its temp directory.
        }
    }
}
