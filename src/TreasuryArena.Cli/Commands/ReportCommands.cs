using System.CommandLine;
using System.Globalization;
using TreasuryArena.Cli.Commands.Treasury;
using TreasuryArena.Core.Ledger;
using TreasuryArena.Core.Nav;
using TreasuryArena.Infrastructure.Reports;
using TreasuryArena.Infrastructure.Storage;
using TreasuryArena.Server.Contracts;

namespace TreasuryArena.Cli;

/// <summary>
/// <c>arena report daily|statement|revenue|board</c>: the treasury's daily summary (terminal, Markdown, JSON), a wallet's
/// printable monthly statement (HTML) the platform's revenue by fee type and an organisation's quarterly board report — all read from the stores the use cases
/// write (treasury manager and journal, ledger journal, NAV history).
/// </summary>
internal static partial class CliCommands
{
    static partial void AddReports(RootCommand root)
    {
        var report = new Command("report", "Reports: the treasury's daily summary, a wallet's monthly statement, revenue by fee type");
        report.Subcommands.Add(ReportDailyCommand());
        report.Subcommands.Add(ReportStatementCommand());
        report.Subcommands.Add(ReportRevenueCommand());
        report.Subcommands.Add(ReportBoardCommand());
        root.Subcommands.Add(report);
    }

    private static Command ReportDailyCommand()
    {
        var db = CliDatabase.ExistingOption();
        var asOf = new Option<string?>("--as-of") { Description = "Date (yyyy-MM-dd); default: the latest date the market data covers" };
        var markdown = new Option<string?>("--markdown") { Description = "Also write the report as Markdown to this file" };
        var json = JsonOption();
        var cmd = new Command("daily", "The treasury's daily summary: value, P&L, allocation against target, indicators, the day's decision (the daily analysis is run and journaled if none exists for the date)");
        foreach (var o in new Option[] { db, asOf, markdown, json })
        {
            cmd.Options.Add(o);
        }

        cmd.SetAction(async (parse, ct) =>
        {
            var date = TreasuryParseAsOf(parse.GetValue(asOf));
            var file = parse.GetValue(markdown);
            await using var host = await CliHost.OpenAsync(parse.GetValue(db), ct);
            await using var services = await TreasuryServices.OpenAsync(null, ct, host);
            Core.Treasury.TreasuryStatus status = null!;
            await TreasuryGuard(async () =>
            {
                // The same use case as GET /api/reports/daily; at the shell a date without a decision gets the daily analysis first.
                var (read, _, _, analysed) = await host.Get<DailyReportUseCases>().ReadAsync(PlatformCli.Operator, null, date, analyseIfMissing: true, ct);
                status = read;
                if (analysed is { } id)
                {
                    await Console.Error.WriteLineAsync($"report: no decision journaled for {read.AsOf:yyyy-MM-dd}; ran the daily analysis (journal #{id})");
                }
            });

            if (file is { Length: > 0 })
            {
                await ReportWriteFileAsync(file, DailyReportMarkdown.Render(status), ct);
            }

            TreasuryPrint(parse.GetValue(json), () => TreasuryJson.Status(status), w => TreasuryText.Status(w, status));
            return 0;
        });
        return cmd;
    }

    private static Command ReportStatementCommand()
    {
        var db = CliDatabase.ExistingOption();
        var wallet = new Option<string>("--wallet") { Description = "Wallet address", Required = true };
        var month = new Option<string>("--month") { Description = "Month, yyyy-MM (on the business calendar: entries by their valuation dates)", Required = true };
        var format = new Option<string?>("--format") { Description = "html (default), csv or pdf (the HTML page printed by headless Chromium, Reports:ChromiumPath)" };
        var output = new Option<string?>("--out") { Description = "File to write (default statement-ADDR-yyyy-MM.html|csv|pdf)" };
        var cmd = new Command("statement", "A wallet's monthly statement (self-contained HTML, CSV or PDF) naming the organisation and the wallet: opening and closing value, transactions, fees, performance");
        foreach (var o in new Option[] { db, wallet, month, format, output })
        {
            cmd.Options.Add(o);
        }

        cmd.SetAction(async (parse, ct) =>
        {
            StatementFormat kind;
            try
            {
                kind = StatementFormats.Parse(parse.GetValue(format));
            }
            catch (Core.Common.DomainException ex)
            {
                throw new CliException("--" + ex.Message);
            }

            await using var host = await CliHost.OpenAsync(parse.GetValue(db), ct);
            var statements = host.Get<WalletStatementUseCases>();
            // The same use case as GET /api/wallet/{address}/statement: months up to the platform date, entries by their valuation dates.
            var statement = await statements.StatementAsync(CliCaller.Current, parse.GetValue(wallet), parse.GetValue(month), ct);
            var (content, _, fileName) = await statements.RenderAsync(statement, kind, ct);
            var path = Path.GetFullPath(parse.GetValue(output) is { Length: > 0 } o ? o : fileName);
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                await File.WriteAllBytesAsync(path, content, ct);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                throw new CliException($"cannot write {path}: {ex.Message}");
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Statement {statement.Month:yyyy-MM} for {Core.Common.FreeText.ForDisplay(statement.WalletName ?? statement.Address)} ({Core.Common.FreeText.ForDisplay(statement.OrganisationName ?? statement.Organisation)}): opening {statement.OpeningValue:N2} USD, closing {statement.ClosingValue:N2} USD, {statement.Transactions.Count} transactions, trade fees {statement.TradeFees:N2} USD -> {path}"));
            return 0;
        });
        return cmd;
    }

    private static Command ReportRevenueCommand()
    {
        var db = CliDatabase.ExistingOption();
        var from = new Option<string?>("--from") { Description = "First day (yyyy-MM-dd, inclusive) of the fee entries counted, by valuation date (the NAV day a fee was charged at)" };
        var to = new Option<string?>("--to") { Description = "Last day (yyyy-MM-dd, inclusive), by valuation date" };
        var json = JsonOption();
        var cmd = new Command("revenue", "The platform's revenue by fee type (trade, management, performance) from the ledger, with the assets it is earned on");
        foreach (var o in new Option[] { db, from, to, json })
        {
            cmd.Options.Add(o);
        }

        cmd.SetAction(async (parse, ct) =>
        {
            var start = ReportParseDate("--from", parse.GetValue(from));
            var end = ReportParseDate("--to", parse.GetValue(to));
            if (start is { } a && end is { } b && a > b)
            {
                throw new CliException($"--from {a:yyyy-MM-dd} is after --to {b:yyyy-MM-dd}");
            }

            await using var host = await CliHost.OpenAsync(parse.GetValue(db), ct);
            var database = host.Get<ArenaDatabase>();
            var ledger = host.Get<LedgerService>();
            var overview = RevenueResponse.From(ledger);
            var fees = await LedgerRevenue.ByFeeTypeAsync(database.CreateLedgerJournal(), start, end, ct);
            if (parse.GetValue(json))
            {
                CliJson.Write(new
                {
                    from = fees.From,
                    to = fees.To,
                    trade = fees.Trade,
                    management = fees.Management,
                    performance = fees.Performance,
                    total = fees.Total,
                    fee_entries = fees.Entries,
                    revenue_all_time = overview.TotalRevenue,
                    assets_under_management = overview.AssetsUnderManagement,
                    tokens = overview.Tokens,
                    wallets = overview.Wallets,
                    by_token = overview.ByToken,
                }, indented: true);
                return 0;
            }

            static string M(decimal v) => v.ToString("N2", CultureInfo.InvariantCulture);
            var period = $"{(fees.From is { } f ? f.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "the first entry")} to {(fees.To is { } t ? t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "the last entry")}";
            Console.WriteLine($"Revenue from {period} ({fees.Entries} fee entries)");
            Console.WriteLine($"  {"trade",-12} {M(fees.Trade),16} USD");
            Console.WriteLine($"  {"management",-12} {M(fees.Management),16} USD");
            Console.WriteLine($"  {"performance",-12} {M(fees.Performance),16} USD");
            Console.WriteLine($"  {"total",-12} {M(fees.Total),16} USD");
            Console.WriteLine($"All-time revenue {M(overview.TotalRevenue)} USD on {M(overview.AssetsUnderManagement)} USD under management ({overview.Tokens} tokens, {overview.Wallets} wallets)");
            return 0;
        });
        return cmd;
    }

    private static Command ReportBoardCommand()
    {
        var db = CliDatabase.ExistingOption();
        var org = new Option<string?>("--org") { Description = "Organisation name (or id); default: the --as-key member's own" };
        var quarter = new Option<string?>("--quarter") { Description = "Quarter, yyyyQn (e.g. 2025Q3); default: the last full quarter before the platform date" };
        var output = new Option<string?>("--out") { Description = "HTML file to write (default board-ORG-yyyyQn.html unless --pdf is given)" };
        var pdf = new Option<string?>("--pdf") { Description = "Also print the report to this PDF file with headless Chromium (Reports:ChromiumPath)" };
        var cmd = new Command("board", "An organisation's quarterly board report (self-contained HTML, PDF by headless Chromium): performance against the benchmark, fees, compliance, decisions, holdings, liquidity, a plain-language summary");
        foreach (var o in new Option[] { db, org, quarter, output, pdf })
        {
            cmd.Options.Add(o);
        }

        cmd.SetAction(async (parse, ct) =>
        {
            await using var host = await CliHost.OpenAsync(parse.GetValue(db), ct);
            var reports = host.Get<BoardReportUseCases>();
            var caller = CliCaller.Current;
            Guid? organisation = parse.GetValue(org) is { Length: > 0 } name ? (await reports.OrganisationNamedAsync(caller, name, ct)).Id : null;
            var report = await reports.BoardAsync(caller, organisation, parse.GetValue(quarter) ?? reports.LastFullQuarter().ToString(), ct);
            var html = BoardReportHtml.Render(report);
            var pdfPath = parse.GetValue(pdf) is { Length: > 0 } p ? Path.GetFullPath(p) : null;
            var htmlPath = parse.GetValue(output) is { Length: > 0 } o ? Path.GetFullPath(o)
                : pdfPath is null ? Path.GetFullPath(string.Create(CultureInfo.InvariantCulture, $"board-{ReportFileName(report.Organisation)}-{report.Quarter}.html")) : null;
            if (htmlPath is not null)
            {
                await ReportWriteFileAsync(htmlPath, html, ct);
            }

            if (pdfPath is not null)
            {
                var bytes = await reports.PdfAsync(html, ct);
                try
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(pdfPath)!);
                    await File.WriteAllBytesAsync(pdfPath, bytes, ct);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    throw new CliException($"cannot write {pdfPath}: {ex.Message}");
                }
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Board report {report.Quarter} for {report.Organisation}: value {report.ClosingValue:N2} USD, fees {report.Fees.Total:N2} USD, {report.Decisions.Count} decisions, {report.Breaches.Count} breaches -> {string.Join(", ", new[] { htmlPath, pdfPath }.OfType<string>())}"));
            return 0;
        });
        return cmd;
    }

    private static string ReportFileName(string name) =>
        new([.. name.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-')]);

    private static DateOnly? ReportParseDate(string option, string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? null
            : DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                ? d
                : throw new CliException($"{option} `{text}` is not a yyyy-MM-dd date");

    private static async Task ReportWriteFileAsync(string path, string content, CancellationToken ct)
    {
        try
        {
            var full = Path.GetFullPath(path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            await File.WriteAllTextAsync(full, content, ct);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CliException($"cannot write {path}: {ex.Message}");
        }
    }
}
