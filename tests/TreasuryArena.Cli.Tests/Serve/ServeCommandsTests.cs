using TreasuryArena.Cli.Commands.Demo;
using TreasuryArena.Cli.Tests.Support;

namespace TreasuryArena.Cli.Tests.Serve;

/// <summary><c>arena serve</c> in-process on a free port of 127.0.0.1, stopped as Ctrl+C would once it listens.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class ServeCommandsTests : IDisposable
{
    private const string Listening = "Ctrl+C to stop";
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "arena-cli-serve-" + Guid.NewGuid().ToString("N"));

    public ServeCommandsTests() => Directory.CreateDirectory(_dir);

    private string Db => Path.Combine(_dir, "arena.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    /// <summary>Issue 20: the demo's keys are printed by <c>arena demo</c> only; serve names the file and nothing of its content.</summary>
    [Fact]
    public async Task Bug_20_Serve_WithDemoKeysFile_PrintsItsPathButNoKey()
    {
        DemoKey[] keys =
        [
            new("admin", "Demo Admin", null, "ta_serve-test-admin-secret-0123456789"),
            new("treasurer", "Demo Treasurer", "Grace Church", "ta_serve-test-treasurer-secret-012345"),
        ];
        await DemoKeys.WriteAsync(DemoKeys.PathFor(Db), keys, CancellationToken.None);

        var (code, output, err) = await InProcessCli.RunUntilAsync(Listening, "serve", "--db", Db, "--urls", "http://127.0.0.1:0", "--no-jobs");

        Assert.True(code == 0, err);
        Assert.Contains(Listening, err, StringComparison.Ordinal);
        Assert.Contains(DemoKeys.PathFor(Db), err, StringComparison.Ordinal);
        foreach (var key in keys)
        {
            Assert.DoesNotContain(key.Key, err, StringComparison.Ordinal);
            Assert.DoesNotContain(key.Key, output, StringComparison.Ordinal);
            Assert.DoesNotContain(key.Key["ta_".Length..], err + output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Serve_WithoutDemoKeysFile_MentionsNoKeys()
    {
        var (code, output, err) = await InProcessCli.RunUntilAsync(Listening, "serve", "--db", Db, "--urls", "http://127.0.0.1:0", "--no-jobs");

        Assert.True(code == 0, err);
        Assert.Contains(Listening, err, StringComparison.Ordinal);
        Assert.DoesNotContain("demo", (err + output).ToLowerInvariant(), StringComparison.Ordinal);
    }
}
