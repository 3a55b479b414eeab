using System.Text.Json;
using TreasuryArena.Cli.Tests.Support;

namespace TreasuryArena.Cli.Tests.Admin;

[Collection(ConsoleCollection.Name)]
public sealed class AdminCommandsTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "arena-cli-admin", Guid.NewGuid().ToString("N"));

    private string Db => Path.Combine(_dir, "arena.db");

    [Fact]
    public async Task AdminVerbs_OnboardAnOrganisation_AndAuditVerifies()
    {
        var (code, output, _) = await InProcessCli.RunAsync("admin", "bootstrap", "--db", Db, "--json");
        Assert.Equal(0, code);
        Assert.StartsWith("ta_", JsonDocument.Parse(output).RootElement.GetProperty("key").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, (await InProcessCli.RunAsync("admin", "bootstrap", "--db", Db)).Code);

        Assert.Equal(0, (await InProcessCli.RunAsync("org", "create", "Grace Church", "--type", "church", "--plan", "basic", "--db", Db)).Code);
        Directory.CreateDirectory(_dir);
        var text = Path.Combine(_dir, "disclosure.txt");
        await File.WriteAllTextAsync(text, "Strategy tokens can lose value.");
        Assert.Equal(0, (await InProcessCli.RunAsync("admin", "disclose", "--version", "v1", "--file", text, "--db", Db)).Code);
        Assert.Equal(0, (await InProcessCli.RunAsync("org", "verify", "Grace Church", "--registration", "EIN 12-3456789", "--reviewer", "Officer", "--db", Db)).Code);
        var (attest, attested, _) = await InProcessCli.RunAsync("org", "attest", "Grace Church", "--signer", "Jane", "--json", "--db", Db);
        Assert.Equal(0, attest);
        Assert.Equal("v1", JsonDocument.Parse(attested).RootElement.GetProperty("document_version").GetString());

        var (issued, keyJson, _) = await InProcessCli.RunAsync("keys", "issue", "--org", "Grace Church", "--role", "treasurer", "--json", "--db", Db);
        Assert.Equal(0, issued);
        var key = JsonDocument.Parse(keyJson).RootElement;
        Assert.Equal("treasurer", key.GetProperty("role").GetString());
        var (_, list, _) = await InProcessCli.RunAsync("keys", "list", "--json", "--db", Db);
        Assert.DoesNotContain(key.GetProperty("key").GetString()!, list, StringComparison.Ordinal);
        Assert.Equal(0, (await InProcessCli.RunAsync("keys", "revoke", key.GetProperty("id").GetString()!, "--db", Db)).Code);
        Assert.Equal(4, (await InProcessCli.RunAsync("keys", "revoke", key.GetProperty("id").GetString()!, "--db", Db)).Code);

        var (verify, report, _) = await InProcessCli.RunAsync("audit", "verify", "--json", "--db", Db);
        Assert.Equal(0, verify);
        var audit = JsonDocument.Parse(report).RootElement;
        Assert.True(audit.GetProperty("valid").GetBoolean());
        Assert.True(audit.GetProperty("audit").GetProperty("entries").GetInt64() >= 7);
    }

    [Fact]
    public async Task OrgCreate_BadTypeOrUnknownOrganisation_IsUserError()
    {
        var (code, _, err) = await InProcessCli.RunAsync("org", "create", "X", "--type", "casino", "--db", Db);
        Assert.Equal(2, code);
        Assert.Contains("--type", err, StringComparison.Ordinal);
        Assert.Equal(3, (await InProcessCli.RunAsync("org", "verify", "Nobody", "--registration", "r", "--reviewer", "x", "--db", Db)).Code);
        Assert.Equal(2, (await InProcessCli.RunAsync("keys", "issue", "--role", "viewer", "--db", Db)).Code);
    }

    /// <summary>Issue 20: the CLI refuses a hostile name exactly as the API does (the same use case), and nothing is created.</summary>
    [Theory]
    [InlineData("Acme\n2026-01-01  church  free  verified  Forged")]
    [InlineData("\u001b[31mRed Church\u001b[0m")]
    [InlineData("abc\u202Egpj.exe")]
    [InlineData("a\0b")]
    public async Task Bug_20_OrgCreate_HostileName_IsRefusedNamingTheField_AndCreatesNothing(string name)
    {
        var (code, _, err) = await InProcessCli.RunAsync("org", "create", name, "--db", Db);
        Assert.Equal(2, code);
        Assert.Contains("name contains U+", err, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', err);
        var (_, list, _) = await InProcessCli.RunAsync("org", "list", "--json", "--db", Db);
        Assert.Equal(0, JsonDocument.Parse(list).RootElement.GetArrayLength());
        var (_, keys, keyErr) = await InProcessCli.RunAsync("keys", "issue", "--role", "admin", "--member", name, "--db", Db);
        Assert.Contains("member contains U+", keyErr, StringComparison.Ordinal);
        Assert.Empty(keys);
    }

    /// <summary>Issue 20, defence in depth: a name stored before the policy (written straight into the database) is printed escaped, one row per organisation.</summary>
    [Fact]
    public async Task Bug_20_OrgList_StoredControlCharacters_AreEscapedInTheTable()
    {
        Assert.Equal(0, (await InProcessCli.RunAsync("org", "create", "Plain Church", "--db", Db)).Code);
        await using (var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Db}"))
        {
            await c.OpenAsync();
            await using var cmd = c.CreateCommand();
            cmd.CommandText = "UPDATE organisations SET name = $n";
            cmd.Parameters.AddWithValue("$n", "Acme\nforged-id  church  free  verified  Forged \u001b[2J\u202Ex");
            Assert.Equal(1, await cmd.ExecuteNonQueryAsync());
        }

        var (code, output, _) = await InProcessCli.RunAsync("org", "list", "--db", Db);
        Assert.Equal(0, code);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("Acme\\u{000A}forged-id", line, StringComparison.Ordinal);
        Assert.Contains("\\u{001B}[2J\\u{202E}x", line, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', output);
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
