using TreasuryArena.Cli.Tests.Support;

namespace TreasuryArena.Cli.Tests.Configuration;

/// <summary>The CLI's generic host validates every option section before a verb runs and reports keys nothing reads.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class CliConfigurationTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "arena-cli-config", Guid.NewGuid().ToString("N"));

    private string Db => Path.Combine(_dir, "arena.db");

    private Task<Infrastructure.Storage.ArenaDatabase> CreateDatabaseAsync() => Infrastructure.Storage.ArenaDatabase.OpenAsync(Db, CliHost.Clock);

    private static async Task<(int Code, string Out, string Err)> RunWithAsync(Dictionary<string, string?> settings, params string[] args)
    {
        CliHost.FlowSettings.Value = settings;
        try
        {
            return await InProcessCli.RunAsync(args);
        }
        finally
        {
            CliHost.FlowSettings.Value = null;
        }
    }

    [Fact]
    public async Task Verb_MisspeltKey_WarnsOnStderrNamingTheNearestKey()
    {
        await CreateDatabaseAsync(); // `org list` only reads: it refuses a missing file (issue 20)
        var (code, output, error) = await RunWithAsync(new() { ["Arena:WebhookUrll"] = "https://example.org/hook" }, "org", "list", "--json", "--db", Db);

        Assert.Equal(0, code);
        Assert.Equal("[]", output.Trim());
        Assert.Contains("warning: configuration key 'Arena:WebhookUrll' is not a known key and is ignored (did you mean 'Arena:WebhookUrl'?)", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verb_ValidConfiguration_ReportsNothing()
    {
        await CreateDatabaseAsync(); // `org list` only reads: it refuses a missing file (issue 20)
        var (code, _, error) = await RunWithAsync(new() { ["Notifications:WebhookUrl"] = "https://example.org/hook", ["Arena:HoldTradeAboveUsd"] = "1000" }, "org", "list", "--json", "--db", Db);

        Assert.Equal(0, code);
        Assert.DoesNotContain("warning", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verb_BadValue_IsACliErrorNamingTheKey_AndTouchesNoDatabase()
    {
        var (code, output, error) = await RunWithAsync(new() { ["Arena:HoldTradeAboveWalletFraction"] = "2" }, "org", "list", "--json", "--db", Db);

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains("error: invalid configuration: Arena:HoldTradeAboveWalletFraction:", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Db));
    }

    [Fact]
    public async Task Verb_ValueOfTheWrongType_IsACliErrorNamingTheKey()
    {
        var (code, _, error) = await RunWithAsync(new() { ["Wallets:Optimizer:MaxWeight"] = "a fifth" }, "org", "list", "--json", "--db", Db);

        Assert.Equal(2, code);
        Assert.Contains("error: invalid configuration:", error, StringComparison.Ordinal);
        Assert.Contains("Wallets:Optimizer:MaxWeight", error, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }
}
