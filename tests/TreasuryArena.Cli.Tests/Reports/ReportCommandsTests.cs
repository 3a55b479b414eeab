using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using TreasuryArena.Core.Ledger;
using TreasuryArena.Infrastructure.Storage;
using TreasuryArena.Cli.Tests.Support;

namespace TreasuryArena.Cli.Tests.Reports;

/// <summary><c>arena report daily|statement|revenue</c> against one demo database, checked against the ledger itself.</summary>
[Collection(ConsoleCollection.Name)]
public sealed partial class ReportCommandsTests(ReportDemoFixture demo) : IClassFixture<ReportDemoFixture>
{
    private static async Task<List<LedgerEntry>> EntriesAsync(ArenaDatabase database)
    {
        var list = new List<LedgerEntry>();
        await foreach (var e in database.CreateLedgerJournal().ReadEntriesAsync(CancellationToken.None))
        {
            list.Add(e);
        }

        return list;
    }

    [Fact]
    public async Task Statement_CurrentMonth_ClosingValueIsLedgerHoldingsTimesNav()
    {
        var address = demo.Wallets.First(w => w.Value == "FULL_AI").Key;
        var database = await ArenaDatabase.OpenAsync(demo.Db, TimeProvider.System, CancellationToken.None);
        var entries = await EntriesAsync(database);
        // The month of the replay's last day on the business calendar (the latest valuation date, issue 19).
        var month = entries.Max(e => e.BusinessDate).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        decimal expected;
        await using (var ledger = await database.OpenLedgerAsync(TimeProvider.System))
        {
            var view = ledger.GetWallet(address)!;
            expected = view.Cash.Amount + view.Holdings.Sum(h => h.MarketValue(ledger.GetToken(h.Symbol)!.NavPerShare).Amount);
            Assert.Contains(view.Holdings, h => !h.Shares.IsZero);
        }

        var html = Path.Combine(demo.Dir, "statement.html");
        var (code, output, err) = await InProcessCli.RunAsync("report", "statement", "--db", demo.Db, "--wallet", address, "--month", month, "--out", html);

        Assert.True(code == 0, err);
        var closing = decimal.Parse(Regex.Match(output, @"closing ([\d,.]+) USD").Groups[1].Value, NumberStyles.Number, CultureInfo.InvariantCulture);
        Assert.Equal(expected, closing);
        var page = await File.ReadAllTextAsync(html);
        Assert.Contains(expected.ToString("#,0.00", CultureInfo.InvariantCulture) + " USD", page, StringComparison.Ordinal);
        Assert.Contains("<svg", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http://", page.Replace("http://www.w3.org/2000/svg", "", StringComparison.Ordinal), StringComparison.Ordinal);

        // The trade fees on the statement are the wallet's trade-fee entries of the month (by valuation date), and every
        // buy of the month appears as a transaction.
        var wallet = LedgerAccount.Wallet(address);
        entries = [.. entries.Where(e => e.BusinessDate.ToString("yyyy-MM", CultureInfo.InvariantCulture) == month)];
        var fees = entries.Where(e => e.Kind == EntryKind.Fee && e.From == wallet).Sum(e => e.Amount);
        Assert.Contains("Trade fees paid</th><td class=\"n\">" + fees.ToString("#,0.00", CultureInfo.InvariantCulture) + " USD", page, StringComparison.Ordinal);
        var buys = entries.Where(e => e.Kind == EntryKind.Buy && e.From == wallet).Select(e => e.OperationId).Distinct().Count();
        Assert.Equal(buys, Regex.Count(page, "<td>Buy</td>"));
    }

    [Fact]
    public async Task Bug_19_Statement_ReplayedMonth_IsProducedOnTheBusinessCalendar()
    {
        // The demo replays 2025-08 … 2025-10-05 today: its wallets were opened (and traded) on the replayed days.
        var address = demo.Wallets.First(w => w.Value == "FULL_AI").Key;
        var database = await ArenaDatabase.OpenAsync(demo.Db, TimeProvider.System, CancellationToken.None);
        var wallet = LedgerAccount.Wallet(address);
        var mine = (await EntriesAsync(database)).Where(e => e.To == wallet || e.From == wallet).ToList();
        var deposit = mine.First(e => e.Kind == EntryKind.Deposit);
        Assert.NotNull(deposit.ValuationDate);
        Assert.True(deposit.ValuationDate < new DateOnly(2025, 9, 1), $"deposit dated {deposit.ValuationDate}");
        var augustBuys = mine.Where(e => e.Kind == EntryKind.Buy && e.ValuationDate is { Year: 2025, Month: 8 }).Select(e => e.OperationId).Distinct().Count();
        Assert.True(augustBuys > 0, "the replay bought in August 2025");

        // The month it was opened: the deposit and the first buys, dated on the replayed days (not on today's date).
        var html = Path.Combine(demo.Dir, "statement-2025-08.html");
        var (code, output, err) = await InProcessCli.RunAsync("report", "statement", "--db", demo.Db, "--wallet", address, "--month", "2025-08", "--out", html);

        Assert.True(code == 0, err);
        Assert.Contains("opening 0.00 USD", output, StringComparison.Ordinal);
        var page = await File.ReadAllTextAsync(html);
        Assert.Equal(augustBuys, Regex.Count(page, "<td>Buy</td>"));
        Assert.Equal(1, Regex.Count(page, "<td>Deposit</td>"));
        Assert.Contains("<td>2025-08-", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<td>2026-", page, StringComparison.Ordinal);

        // A month after it was opened, before the platform date: opens with the wallet's value.
        var (next, nextOutput, nextErr) = await InProcessCli.RunAsync("report", "statement", "--db", demo.Db, "--wallet", address, "--month", "2025-09", "--out", html);
        Assert.True(next == 0, nextErr);
        Assert.DoesNotContain("opening 0.00 USD", nextOutput, StringComparison.Ordinal);

        // The month before the wallet was opened on that calendar is still refused.
        var (early, _, why) = await InProcessCli.RunAsync("report", "statement", "--db", demo.Db, "--wallet", address, "--month", "2025-06", "--out", html);
        Assert.NotEqual(0, early);
        Assert.Contains("was opened on 2025-", why, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revenue_AllTime_TotalEqualsSumOfFeeEntries()
    {
        var database = await ArenaDatabase.OpenAsync(demo.Db, TimeProvider.System, CancellationToken.None);
        var fees = (await EntriesAsync(database)).Where(e => e.Kind == EntryKind.Fee).ToList();
        var (code, output, err) = await InProcessCli.RunAsync("report", "revenue", "--db", demo.Db, "--json");

        Assert.True(code == 0, err);
        var r = JsonDocument.Parse(output).RootElement;
        Assert.Equal(fees.Sum(e => e.Amount), r.GetProperty("total").GetDecimal());
        Assert.Equal(r.GetProperty("revenue_all_time").GetDecimal(), r.GetProperty("total").GetDecimal());
        Assert.Equal(fees.Count, r.GetProperty("fee_entries").GetInt32());
        foreach (var memo in new[] { FeeMemo.Trade, FeeMemo.Management, FeeMemo.Performance })
        {
            Assert.Equal(fees.Where(e => e.Memo == memo).Sum(e => e.Amount), r.GetProperty(memo).GetDecimal());
        }

        Assert.True(r.GetProperty("trade").GetDecimal() > 0m && r.GetProperty("management").GetDecimal() > 0m);
        Assert.Equal(r.GetProperty("tokens").GetInt32(), r.GetProperty("by_token").GetArrayLength());

        // A window before any entry counts nothing.
        var (c2, o2, _) = await InProcessCli.RunAsync("report", "revenue", "--db", demo.Db, "--from", "2000-01-01", "--to", "2000-12-31", "--json");
        Assert.Equal(0, c2);
        Assert.Equal(0m, JsonDocument.Parse(o2).RootElement.GetProperty("total").GetDecimal());
    }

    [Fact]
    public async Task Daily_DemoDate_PrintsAndWritesTheDaysDecision()
    {
        var md = Path.Combine(demo.Dir, "daily.md");
        var (code, output, err) = await InProcessCli.RunAsync("report", "daily", "--db", demo.Db, "--as-of", "2025-10-05", "--markdown", md, "--json");

        Assert.True(code == 0, err);
        var s = JsonDocument.Parse(output).RootElement;
        var decision = s.GetProperty("latest_decision");
        Assert.Equal(JsonValueKind.Object, decision.ValueKind);
        var text = await File.ReadAllTextAsync(md);
        Assert.Contains("# Treasury daily report — 2025-10-05", text, StringComparison.Ordinal);
        Assert.Contains(s.GetProperty("value").GetDecimal().ToString("N2", CultureInfo.InvariantCulture), text, StringComparison.Ordinal);
        Assert.Contains(decision.GetProperty("reasoning").GetString()!, text, StringComparison.Ordinal);
        Assert.Contains("#" + decision.GetProperty("id").GetInt64().ToString(CultureInfo.InvariantCulture), text, StringComparison.Ordinal);
        Assert.Contains("| Indicator |", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("statement", "--wallet", "0xdoesnotexist", "--month", "2025-09", "no such wallet", 3)]
    [InlineData("statement", "--wallet", "0xdoesnotexist", "--month", "2025-13", "not a yyyy-MM month", 2)]
    [InlineData("revenue", "--from", "2025-10-02", "--to", "2025-10-01", "is after --to", 2)]
    [InlineData("revenue", "--from", "yesterday", "--to", "2025-10-01", "not a yyyy-MM-dd date", 2)]
    public async Task Report_BadInput_FailsWithItsExitCode(string verb, string o1, string v1, string o2, string v2, string message, int exit)
    {
        var (code, _, err) = await InProcessCli.RunAsync("report", verb, "--db", demo.Db, o1, v1, o2, v2);

        Assert.Equal(exit, code);
        Assert.Contains(message, err, StringComparison.Ordinal);
    }
}
