using System.Text.Json;
using TreasuryArena.Cli.Tests.Support;

namespace TreasuryArena.Cli.Tests.Treasury;

/// <summary>The treasury, advise, journal and review commands end to end on the shipped history and a temp SQLite file.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class TreasuryCommandsTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "arena-cli-treasury-" + Guid.NewGuid().ToString("N"));

    private static readonly string[] DailyActions = ["hold", "rebalance", "de_risk"];

    public TreasuryCommandsTests() => TreasuryArena.Cli.Commands.Treasury.TreasuryServices.ResetNotice();

    private string Db => Path.Combine(_dir, "arena.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    [Fact]
    public async Task Advise_FreshDatabase_UsesDefaultTreasuryAndPrintsTheContractFields()
    {
        var (code, output, err) = await InProcessCli.RunAsync("advise", "--as-of", "2021-11-10", "--db", Db, "--json");

        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.Contains(root.GetProperty("action").GetString(), DailyActions);
        Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("reasoning").GetString()));
        Assert.InRange(root.GetProperty("confidence").GetInt32(), 0, 100);
        Assert.Equal("rules", root.GetProperty("advisor").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("fallback_reason").ValueKind);
        Assert.True(root.GetProperty("default_treasury").GetBoolean());
        Assert.Contains("Anthropic:ApiKey is not set", err, StringComparison.Ordinal);

        var (_, journal, _) = await InProcessCli.RunAsync("journal", "--db", Db, "--json");
        using var entries = JsonDocument.Parse(journal);
        var entry = Assert.Single(entries.RootElement.EnumerateArray());
        Assert.Equal(root.GetProperty("journal_id").GetInt64(), entry.GetProperty("id").GetInt64());
        Assert.Equal("2021-11-10", entry.GetProperty("as_of").GetString());
    }

    [Fact]
    public async Task Execute_ThenStatusLater_ShowsTheSavedTreasuryMarkedToMarket()
    {
        var (code, _, err) = await InProcessCli.RunAsync("treasury", "execute", "--as-of", "2021-01-04", "--db", Db, "--json");
        Assert.True(code == 0, err);

        var (code2, output, err2) = await InProcessCli.RunAsync("treasury", "status", "--as-of", "2021-04-14", "--db", Db, "--json");
        Assert.True(code2 == 0, err2);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.False(root.GetProperty("default_treasury").GetBoolean());
        Assert.Equal("2021-01-04", root.GetProperty("performance").GetProperty("inception").GetString());
        // On 2021-01-04 the signal (TOP, MVRV past 5.0) cut tactical to 15%; BTC and ETH then rallied into April.
        Assert.True(root.GetProperty("tactical_share").GetDecimal() > root.GetProperty("target_tactical_share").GetDecimal());
        Assert.True(root.GetProperty("performance").GetProperty("return").GetDouble() > 0.10);
        Assert.True(root.GetProperty("drift").GetDecimal() > 0.05m);
        Assert.Equal(5, root.GetProperty("positions").GetArrayLength());

        var (code3, plan, err3) = await InProcessCli.RunAsync("treasury", "plan", "--as-of", "2021-04-14", "--db", Db, "--json");
        Assert.True(code3 == 0, err3);
        using var planDoc = JsonDocument.Parse(plan);
        var orders = planDoc.RootElement.GetProperty("orders").EnumerateArray().ToList();
        Assert.NotEmpty(orders);
        var firstBuy = orders.FindIndex(o => o.GetProperty("side").GetString() == "buy");
        Assert.True(firstBuy < 0 || orders.Skip(firstBuy).All(o => o.GetProperty("side").GetString() == "buy"), "sells come before buys");
    }

    [Fact]
    public async Task Execute_TwiceThenLedgerVerify_EveryFillIsInTheVerifiedLedger()
    {
        var (code, first, err) = await InProcessCli.RunAsync("treasury", "execute", "--as-of", "2021-01-04", "--db", Db, "--json");
        Assert.True(code == 0, err);
        var (code2, second, err2) = await InProcessCli.RunAsync("treasury", "execute", "--as-of", "2021-04-14", "--db", Db, "--json");
        Assert.True(code2 == 0, err2);
        using var secondDoc = JsonDocument.Parse(second);

        // The first execution's orders were queued and fill at the next bar (2021-01-05's close) on the next run;
        // the second's fill at 2021-04-15's close when the next command runs on or after that day.
        Assert.NotEmpty(secondDoc.RootElement.GetProperty("fills").EnumerateArray());
        Assert.All(secondDoc.RootElement.GetProperty("fills").EnumerateArray(), f => Assert.Equal("2021-01-05", f.GetProperty("date").GetString()));
        Assert.Equal("2021-04-15", secondDoc.RootElement.GetProperty("queued").GetProperty("fill_on").GetString());
        var (_, decidedStatus, _) = await InProcessCli.RunAsync("treasury", "status", "--as-of", "2021-04-14", "--db", Db, "--json");
        using var decidedDoc = JsonDocument.Parse(decidedStatus);
        var decidedTarget = decidedDoc.RootElement.GetProperty("target_tactical_share").GetDecimal();
        Assert.Equal("2021-04-14", decidedDoc.RootElement.GetProperty("pending").GetProperty("decided_on").GetString());
        var (code5, _, err5) = await InProcessCli.RunAsync("advise", "--as-of", "2021-04-15", "--db", Db, "--json");
        Assert.True(code5 == 0, err5);

        var (code3, verify, err3) = await InProcessCli.RunAsync("ledger", "verify", "--db", Db, "--json");
        Assert.True(code3 == 0, err3 + verify);
        using var doc = JsonDocument.Parse(verify);
        Assert.True(doc.RootElement.GetProperty("ok").GetBoolean());
        Assert.True(doc.RootElement.GetProperty("entries").GetInt64() > 20);

        // Status after the second execution's fills reads its cash and positions back from the ledger: the tactical
        // share is the one decided on 2021-04-14 (moved only by the day's price change), nothing is queued any more.
        var (code4, status, err4) = await InProcessCli.RunAsync("treasury", "status", "--as-of", "2021-04-15", "--db", Db, "--json");
        Assert.True(code4 == 0, err4);
        using var statusDoc = JsonDocument.Parse(status);
        Assert.False(statusDoc.RootElement.GetProperty("default_treasury").GetBoolean());
        Assert.InRange(statusDoc.RootElement.GetProperty("tactical_share").GetDecimal(), decidedTarget - 0.01m, decidedTarget + 0.01m);
        Assert.Equal(JsonValueKind.Null, statusDoc.RootElement.GetProperty("pending").ValueKind);
        _ = first;
    }

    [Fact]
    public async Task Review_AfterDecisions_PrintsScorecards()
    {
        await InProcessCli.RunAsync("advise", "--as-of", "2021-11-10", "--db", Db);
        var (code, output, err) = await InProcessCli.RunAsync("review", "--as-of", "2022-01-31", "--db", Db, "--json");
        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(output);
        var rules = Assert.Single(doc.RootElement.GetProperty("advisors").EnumerateArray());
        Assert.Equal("rules", rules.GetProperty("advisor").GetString());
        Assert.Equal(1, rules.GetProperty("decisions").GetInt32());
        Assert.Equal("acknowledge", doc.RootElement.GetProperty("commentary").GetProperty("action").GetString());
    }

    [Fact]
    public async Task Status_DateWithoutPrices_UserError()
    {
        await Infrastructure.Storage.ArenaDatabase.OpenAsync(Db, CliHost.Clock); // `treasury status` only reads: it refuses a missing file (issue 20)
        var (code, _, err) = await InProcessCli.RunAsync("treasury", "status", "--as-of", "2031-01-01", "--db", Db);
        Assert.Equal(2, code);
        Assert.Contains("no usable BTC price", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Journal_ZeroLimit_UserError()
    {
        var (code, _, err) = await InProcessCli.RunAsync("journal", "--limit", "0", "--db", Db);
        Assert.Equal(2, code);
        Assert.Contains("--limit", err, StringComparison.Ordinal);
    }

    /// <summary>Issue 21: <c>arena treasury create --org NAME --capital N</c> and the verbs' <c>--org</c>.</summary>
    [Fact]
    public async Task Create_ThenStatusAndJournal_AreTheOrganisationsOwn()
    {
        Assert.Equal(0, (await InProcessCli.RunAsync("org", "create", "Cedar Chapel", "--type", "church", "--db", Db)).Code);

        // No treasury yet: not found (exit 3).
        var (missing, _, missingErr) = await InProcessCli.RunAsync("treasury", "status", "--org", "Cedar Chapel", "--as-of", "2021-11-10", "--db", Db, "--json");
        Assert.True(missing == 3, missingErr);
        Assert.Contains("no treasury", missingErr, StringComparison.Ordinal);

        var (code, created, err) = await InProcessCli.RunAsync("treasury", "create", "--org", "Cedar Chapel", "--capital", "250000", "--db", Db, "--json");
        Assert.True(code == 0, err);
        using (var doc = JsonDocument.Parse(created))
        {
            Assert.Equal(250_000m, doc.RootElement.GetProperty("capital").GetDecimal());
        }

        var (twice, _, twiceErr) = await InProcessCli.RunAsync("treasury", "create", "--org", "Cedar Chapel", "--capital", "250000", "--db", Db);
        Assert.True(twice == 4, twiceErr); // conflict
        Assert.Equal(3, (await InProcessCli.RunAsync("treasury", "create", "--org", "No Such Chapel", "--capital", "1000", "--db", Db)).Code);

        var (s1, org, e1) = await InProcessCli.RunAsync("treasury", "status", "--org", "Cedar Chapel", "--as-of", "2021-11-10", "--db", Db, "--json");
        var (s2, platform, e2) = await InProcessCli.RunAsync("treasury", "status", "--as-of", "2021-11-10", "--db", Db, "--json");
        Assert.True(s1 == 0, e1);
        Assert.True(s2 == 0, e2);
        using var orgDoc = JsonDocument.Parse(org);
        using var platformDoc = JsonDocument.Parse(platform);
        Assert.Equal(250_000m, orgDoc.RootElement.GetProperty("value").GetDecimal() - orgDoc.RootElement.GetProperty("pnl").GetDecimal());
        Assert.Equal(400_000m, platformDoc.RootElement.GetProperty("value").GetDecimal() - platformDoc.RootElement.GetProperty("pnl").GetDecimal());

        // A run for the organisation journals in its journal only.
        var (a, advice, ae) = await InProcessCli.RunAsync("advise", "--org", "Cedar Chapel", "--as-of", "2021-11-10", "--db", Db, "--json");
        Assert.True(a == 0, ae);
        var (_, journal, _) = await InProcessCli.RunAsync("journal", "--org", "Cedar Chapel", "--db", Db, "--json");
        var (_, platformJournal, _) = await InProcessCli.RunAsync("journal", "--db", Db, "--json");
        using var adviceDoc = JsonDocument.Parse(advice);
        using var entries = JsonDocument.Parse(journal);
        using var platformEntries = JsonDocument.Parse(platformJournal);
        Assert.Equal(adviceDoc.RootElement.GetProperty("journal_id").GetInt64(), Assert.Single(entries.RootElement.EnumerateArray()).GetProperty("id").GetInt64());
        Assert.Empty(platformEntries.RootElement.EnumerateArray());
    }
}
