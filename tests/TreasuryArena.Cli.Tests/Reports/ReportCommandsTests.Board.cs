using System.Globalization;
using System.Text.RegularExpressions;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Ledger;
using TreasuryArena.Infrastructure.Reports;
using TreasuryArena.Infrastructure.Storage;
using TreasuryArena.Cli.Tests.Support;

namespace TreasuryArena.Cli.Tests.Reports;

/// <summary>Issue 21: <c>arena report board</c> on the demo (replayed to 2025-10-05), its figures recomputed from the ledger.</summary>
public sealed partial class ReportCommandsTests
{
    private const string DemoChurch = "Grace Community Church";

    private static string BoardSection(string html, string id) =>
        Regex.Match(html, $"<section id=\"{id}\"[^>]*>(.*?)</section>", RegexOptions.Singleline) is { Success: true } m
            ? m.Groups[1].Value
            : throw new Xunit.Sdk.XunitException($"the report has no {id} section");

    [Fact]
    public async Task Board_2025Q3_WritesHtmlAndPdf_WithTheLedgersFeesAndCash()
    {
        var html = Path.Combine(demo.Dir, "board-q3.html");
        var pdf = Path.Combine(demo.Dir, "board-q3.pdf");

        var (code, output, err) = await InProcessCli.RunAsync("report", "board", "--db", demo.Db, "--org", DemoChurch, "--quarter", "2025Q3", "--out", html, "--pdf", pdf);

        Assert.True(code == 0, err);
        Assert.Contains("Board report 2025Q3 for " + DemoChurch, output, StringComparison.Ordinal);
        var bytes = await File.ReadAllBytesAsync(pdf);
        Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(bytes, 0, 5));
        var page = await File.ReadAllTextAsync(html);

        // Independently: every fee entry from the demo church's wallets in the quarter (by valuation date), and their cash
        // after the last entry that counts on or before September 30 (entries count from the latest valuation date so far).
        var database = await ArenaDatabase.OpenAsync(demo.Db, TimeProvider.System, CancellationToken.None);
        var entries = await EntriesAsync(database);
        var accounts = demo.Wallets.Keys.Select(LedgerAccount.Wallet).ToHashSet();
        var first = new DateOnly(2025, 7, 1);
        var last = new DateOnly(2025, 9, 30);
        var tradeFees = entries.Where(e => e.Kind == EntryKind.Fee && accounts.Contains(e.From) && e.BusinessDate >= first && e.BusinessDate <= last).Sum(e => e.Amount);
        Assert.True(tradeFees > 0m, "the demo's wallets traded in 2025Q3");
        decimal cash = 0m;
        var latest = DateOnly.MinValue;
        foreach (var e in entries)
        {
            latest = e.BusinessDate > latest ? e.BusinessDate : latest;
            if (latest <= last && e.Unit.IsCash && (accounts.Contains(e.To) || accounts.Contains(e.From)))
            {
                cash += accounts.Contains(e.To) ? e.Amount : -e.Amount;
            }
        }

        // The church's own treasury's cash counts towards the reserve too (issue 21: the report reads the organisation's treasury).
        var (statusCode, status, statusErr) = await InProcessCli.RunAsync("treasury", "status", "--db", demo.Db, "--org", DemoChurch, "--as-of", "2025-09-30", "--json");
        Assert.True(statusCode == 0, statusErr);
        cash += System.Text.Json.JsonDocument.Parse(status).RootElement.GetProperty("cash").GetDecimal();

        var inv = CultureInfo.InvariantCulture;
        Assert.Contains("Trade fees</th><td class=\"n\">" + tradeFees.ToString("#,0.00", inv) + " USD", BoardSection(page, "fees"), StringComparison.Ordinal);
        Assert.Contains("Cash</th><td class=\"n\">" + cash.ToString("#,0.00", inv) + " USD", BoardSection(page, "liquidity"), StringComparison.Ordinal);
        foreach (var address in demo.Wallets.Keys)
        {
            Assert.Contains(address, BoardSection(page, "performance"), StringComparison.Ordinal);
        }

        Assert.Contains("<svg", BoardSection(page, "performance"), StringComparison.Ordinal);
        Assert.Contains("approved and executed", BoardSection(page, "decisions"), StringComparison.Ordinal);
        Assert.Contains("No breaches", BoardSection(page, "compliance"), StringComparison.Ordinal);
        Assert.Contains("Holdings at 2025-09-30", page, StringComparison.Ordinal);
        // The demo church's IPS sets monthly expenses of $15,000: the reserve is measured in months of them.
        Assert.Contains("Cash covers " + (cash / 15_000m).ToString("0.0", inv) + " months of expenses.", BoardSection(page, "summary"), StringComparison.Ordinal);
        Assert.Contains("60/40 BTC/T-bill benchmark", BoardSection(page, "summary"), StringComparison.Ordinal);
        Assert.Contains("@media print", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Board_ViewerKey_ReadsItsOwnOrganisation_AndBadQuarterIsInvalidInput()
    {
        var keys = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(demo.Dir, "arena-demo-keys.json")));
        var viewer = keys.RootElement.EnumerateArray().First(k => k.GetProperty("role").GetString() == "viewer").GetProperty("key").GetString()!;
        var html = Path.Combine(demo.Dir, "board-viewer.html");

        var (code, output, err) = await InProcessCli.RunAsync("report", "board", "--db", demo.Db, "--as-key", viewer, "--quarter", "2025q3", "--out", html);
        Assert.True(code == 0, err);
        Assert.Contains(DemoChurch, output, StringComparison.Ordinal);
        Assert.True(File.Exists(html));

        var (other, _, otherErr) = await InProcessCli.RunAsync("report", "board", "--db", demo.Db, "--as-key", viewer, "--org", "No Such Church", "--quarter", "2025Q3");
        Assert.Equal((int)ExitCode.NotFound, other);
        Assert.Contains("No Such Church", otherErr, StringComparison.Ordinal);

        foreach (var bad in new[] { "2025Q5", "1999Q1", "2031Q1", "Q3-2025" })
        {
            var (badCode, _, badErr) = await InProcessCli.RunAsync("report", "board", "--db", demo.Db, "--org", DemoChurch, "--quarter", bad);
            Assert.Equal((int)ExitCode.InvalidInput, badCode);
            Assert.Contains("quarter", badErr, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Board_NoChromium_IsPdfUnavailable()
    {
        var printer = new ChromiumPdf(new BoardReportOptions { ChromiumPath = Path.Combine(demo.Dir, "no-chromium") });

        var refusal = await Assert.ThrowsAsync<DomainException>(() => printer.PrintAsync("<!doctype html><p>x</p>", CancellationToken.None));

        Assert.Equal(Outcome.PdfUnavailable, refusal.Outcome);
        Assert.Equal(503, Outcome.PdfUnavailable.HttpStatus());
        Assert.Equal("pdf_unavailable", Outcome.PdfUnavailable.Code());
        Assert.Equal(ExitCode.Failed, Outcome.PdfUnavailable.Exit());
        Assert.Contains("Reports:ChromiumPath", refusal.Message, StringComparison.Ordinal);
    }
}
