using System.Text.Json;
using TreasuryArena.Cli.Tests.Support;
using TreasuryArena.Core.Common;

namespace TreasuryArena.Cli.Tests.Admin;

/// <summary>The CLI ends a refused verb with the exit code of its outcome's row in <see cref="OutcomeTable"/> (the API's 404/409/422 outcomes of the server tests).</summary>
[Collection(ConsoleCollection.Name)]
public sealed class OutcomeExitCodeTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "arena-cli-outcomes", Guid.NewGuid().ToString("N"));

    private string Db => Path.Combine(_dir, "arena.db");

    [Fact]
    public async Task KeysRevoke_UnknownKey_ExitsNotFound()
    {
        var (code, _, err) = await InProcessCli.RunAsync("keys", "revoke", Guid.NewGuid().ToString(), "--db", Db);
        Assert.Equal(3, code);
        Assert.Equal((int)Outcome.KeyNotFound.Exit(), code);
        Assert.Contains("no key with id", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeysRevoke_Twice_ExitsConflict()
    {
        Assert.Equal(0, (await InProcessCli.RunAsync("org", "create", "Exit Chapel", "--type", "church", "--db", Db)).Code);
        var (_, keyJson, _) = await InProcessCli.RunAsync("keys", "issue", "--org", "Exit Chapel", "--role", "viewer", "--json", "--db", Db);
        var id = JsonDocument.Parse(keyJson).RootElement.GetProperty("id").GetString()!;
        Assert.Equal(0, (await InProcessCli.RunAsync("keys", "revoke", id, "--db", Db)).Code);

        var (code, _, err) = await InProcessCli.RunAsync("keys", "revoke", id, "--db", Db);
        Assert.Equal(4, code);
        Assert.Equal((int)Outcome.KeyAlreadyRevoked.Exit(), code);
        Assert.Contains("already revoked", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OrgAttest_NotTheCurrentDisclosure_ExitsRefused()
    {
        Assert.Equal(0, (await InProcessCli.RunAsync("org", "create", "Exit Trust", "--type", "trust", "--db", Db)).Code);
        Directory.CreateDirectory(_dir);
        var text = Path.Combine(_dir, "disclosure.txt");
        await File.WriteAllTextAsync(text, "Strategy tokens can lose value.");
        Assert.Equal(0, (await InProcessCli.RunAsync("admin", "disclose", "--version", "v1", "--file", text, "--db", Db)).Code);

        var (code, _, err) = await InProcessCli.RunAsync("org", "attest", "Exit Trust", "--signer", "Jane", "--version", "v0", "--db", Db);
        Assert.Equal(5, code);
        Assert.Equal((int)Outcome.NotCurrentDisclosure.Exit(), code);
        Assert.Contains("'v1', not 'v0'", err, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS temp cleaner.
        }
        catch (UnauthorizedAccessException)
        {
            // Left for the OS temp cleaner.
        }
    }
}
