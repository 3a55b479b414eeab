using System.Globalization;
using System.Text.Json;
using TreasuryArena.Cli.Tests.Backup;
using TreasuryArena.Cli.Tests.Support;
using TreasuryArena.Core.Ledger;
using TreasuryArena.Infrastructure.Storage;

namespace TreasuryArena.Cli.Tests.Wallets;

/// <summary>
/// Issue 22 at the shell: <c>arena wallets create --name</c> (the hint's command exists), <c>arena wallets list</c> with
/// names and organisations, <c>keys list</c> with the members' names and <c>arena report statement --format csv</c>
/// naming the organisation and the wallet, on SQLite and on PostgreSQL.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class NamedWalletCommandsTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "arena-cli-wallets", Guid.NewGuid().ToString("N"));

    [Fact]
    public Task NamedWallet_Sqlite_CreateListKeysAndStatementShowNames() => NamedWalletAsync(Path.Combine(_dir, "arena.db"));

    [PostgresBackupFact]
    public async Task NamedWallet_Postgres_CreateListKeysAndStatementShowNames()
    {
        var db = await BackupDatabases.CreatePostgresAsync();
        try
        {
            await NamedWalletAsync(db);
        }
        finally
        {
            await BackupDatabases.DropPostgresAsync(db);
        }
    }

    private async Task NamedWalletAsync(string db)
    {
        Assert.Equal(0, (await InProcessCli.RunAsync("org", "create", "Cedar Chapel", "--type", "church", "--plan", "premium", "--db", db)).Code);
        Assert.Equal(0, (await InProcessCli.RunAsync("org", "create", "Birch Trust", "--type", "trust", "--db", db)).Code);

        var (created, output, err) = await InProcessCli.RunAsync("wallets", "create", "--org", "Cedar Chapel", "--mode", "MANUAL", "--risk", "MODERATE", "--deposit", "1000", "--name", "Building fund", "--json", "--db", db);
        Assert.True(created == 0, err);
        var address = JsonDocument.Parse(output).RootElement.GetProperty("address").GetString()!;
        var (other, otherOutput, otherErr) = await InProcessCli.RunAsync("wallet", "create", "--org", "Birch Trust", "--mode", "MANUAL", "--risk", "CONSERVATIVE", "--db", db);
        Assert.True(other == 0, otherErr);
        var unnamed = otherOutput.Trim();

        // The list names each wallet and its organisation; --org narrows it; the text form shows the name too.
        var (listed, json, listErr) = await InProcessCli.RunAsync("wallets", "list", "--json", "--db", db);
        Assert.True(listed == 0, listErr);
        var rows = JsonDocument.Parse(json).RootElement.EnumerateArray().ToDictionary(r => r.GetProperty("address").GetString()!);
        Assert.Equal("Building fund", rows[address].GetProperty("name").GetString());
        Assert.Equal("Cedar Chapel", rows[address].GetProperty("organisation").GetString());
        Assert.Equal(1000m, rows[address].GetProperty("value").GetDecimal());
        Assert.Equal(JsonValueKind.Null, rows[unnamed].GetProperty("name").ValueKind);
        Assert.Equal("Birch Trust", rows[unnamed].GetProperty("organisation").GetString());
        var (_, cedar, _) = await InProcessCli.RunAsync("wallets", "list", "--org", "Cedar Chapel", "--json", "--db", db);
        Assert.Equal([address], JsonDocument.Parse(cedar).RootElement.EnumerateArray().Select(r => r.GetProperty("address").GetString()));
        var (_, text, _) = await InProcessCli.RunAsync("wallets", "list", "--db", db);
        Assert.Contains("Building fund", text, StringComparison.Ordinal);
        Assert.Contains("Cedar Chapel", text, StringComparison.Ordinal);

        // A name the free-text policy refuses creates nothing.
        var (refused, _, why) = await InProcessCli.RunAsync("wallets", "create", "--org", "Cedar Chapel", "--mode", "MANUAL", "--risk", "MODERATE", "--name", "Fund\u001b[2J", "--db", db);
        Assert.Equal(2, refused);
        Assert.Contains("name", why, StringComparison.Ordinal);
        Assert.Equal(2, JsonDocument.Parse((await InProcessCli.RunAsync("wallets", "list", "--json", "--db", db)).Out).RootElement.GetArrayLength());

        // keys list names the member each key was issued to.
        Assert.Equal(0, (await InProcessCli.RunAsync("keys", "issue", "--org", "Cedar Chapel", "--role", "viewer", "--member", "Ruth Viewer", "--db", db)).Code);
        var (_, keys, _) = await InProcessCli.RunAsync("keys", "list", "--db", db);
        Assert.Contains("Ruth Viewer", keys, StringComparison.Ordinal);
        var (_, keysJson, _) = await InProcessCli.RunAsync("keys", "list", "--json", "--db", db);
        Assert.Contains(JsonDocument.Parse(keysJson).RootElement.EnumerateArray(), k => k.GetProperty("member").GetString() == "Ruth Viewer");

        // The statement of the deposit's month, as CSV, names the organisation and the wallet (never only the id).
        var database = await ArenaDatabase.OpenAsync(db, TimeProvider.System, CancellationToken.None);
        var account = LedgerAccount.Wallet(address);
        DateOnly? depositDate = null;
        await foreach (var e in database.CreateLedgerJournal().ReadEntriesAsync(CancellationToken.None))
        {
            if (e.Kind == EntryKind.Deposit && e.To == account)
            {
                depositDate = e.BusinessDate;
            }
        }

        var month = depositDate!.Value.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var csv = Path.Combine(_dir, "statement.csv");
        var (stated, statedOutput, statedErr) = await InProcessCli.RunAsync("report", "statement", "--wallet", address, "--month", month, "--format", "csv", "--out", csv, "--db", db);
        Assert.True(stated == 0, statedErr);
        Assert.Contains("Building fund (Cedar Chapel)", statedOutput, StringComparison.Ordinal);
        var lines = await File.ReadAllLinesAsync(csv);
        Assert.Equal("section,date,item,token,shares,nav,amount_usd,fee_usd,text", lines[0]);
        Assert.Contains("statement,,organisation,,,,,,Cedar Chapel", lines);
        Assert.Contains("statement,,wallet_name,,,,,,Building fund", lines);
        var deposits = lines.Select(l => l.Split(',')).Single(c => c[0] == "summary" && c[2] == "deposits");
        Assert.Equal(1000m, decimal.Parse(deposits[6], CultureInfo.InvariantCulture));
        var (badFormat, _, formatErr) = await InProcessCli.RunAsync("report", "statement", "--wallet", address, "--month", month, "--format", "docx", "--db", db);
        Assert.Equal(2, badFormat);
        Assert.Contains("format", formatErr, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
