using System.Globalization;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Identity;
using TreasuryArena.Core.Ledger;
using TreasuryArena.Core.MarketData;
using TreasuryArena.Core.Ports;
using TreasuryArena.Core.Reporting;
using TreasuryArena.Core.Wallets;
using TreasuryArena.Core.Wallets.Proposals;
using TreasuryArena.Infrastructure.Storage;

namespace TreasuryArena.Infrastructure.Reports;

/// <summary>
/// The quarterly board report of an organisation, the one use case behind <c>arena report board</c> and
/// <c>GET /api/reports/board</c>. Readable by the organisation's treasurers and viewers and by an admin (an operator);
/// anyone else gets <c>organisation_not_found</c>. The quarter must have started by the platform date and end on or
/// after the market history's first day (<c>invalid_query</c> naming <c>quarter</c> otherwise).
/// Wallet figures are the wallets' monthly statements (<see cref="WalletStatementBuilder"/>) chained: the quarter's,
/// the year's and all months since the wallet opened; the benchmark (<see cref="BenchmarkReturn"/>) over the same days.
/// </summary>
public sealed class BoardReportUseCases(
    IIdentityStore identity,
    LedgerService ledger,
    ArenaDatabase database,
    TimeProvider time,
    IBusinessClock clock,
    MarketHistory history,
    IWalletAllocationStore proposals,
    IBoardPolicySource policies,
    BoardTreasuries treasuries,
    ChromiumPdf pdf)
{
    private const int JournalLookback = 2000;

    /// <summary>Parses <c>yyyyQn</c> and checks it against the data's span (the market history's first day to the platform date).</summary>
    public ReportQuarter ParseQuarter(string? text)
    {
        if (!ReportQuarter.TryParse(text, out var quarter))
        {
            throw new DomainException(Outcome.InvalidQuery, $"quarter `{text}` is not a quarter like 2025Q3");
        }

        var first = history.Btc.Closes.First;
        var today = clock.Today;
        if (quarter.First > today || quarter.Last < first)
        {
            throw new DomainException(Outcome.InvalidQuery, string.Create(CultureInfo.InvariantCulture,
                $"quarter {quarter} is outside the data's span ({first:yyyy-MM-dd} to the platform date {today:yyyy-MM-dd})"));
        }

        return quarter;
    }

    /// <summary>The last quarter that ended on or before the platform date (the default of the dashboard and the demo).</summary>
    public ReportQuarter LastFullQuarter() => ReportQuarter.Of(clock.Today).Previous;

    /// <summary>The organisation a caller asks about: its own (members), or <paramref name="organisationId"/> (an admin, required).</summary>
    public async Task<Organisation> OrganisationAsync(Caller caller, Guid? organisationId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var id = organisationId ?? caller.OrganisationId
            ?? throw new DomainException(Outcome.InvalidQuery, "organisation_id is required for an admin");
        var org = caller.CanRead(id) ? await identity.FindOrganisationAsync(id, ct) : null;
        return org ?? throw new DomainException(Outcome.OrganisationNotFound, $"organisation {id} not found");
    }

    public async Task<BoardReport> BoardAsync(Caller caller, Guid? organisationId, string? quarterText, CancellationToken ct)
    {
        var org = await OrganisationAsync(caller, organisationId, ct);
        var quarter = ParseQuarter(quarterText);
        var today = clock.Today;
        var closing = quarter.Last < today ? quarter.Last : today;
        var policy = await policies.PolicyAsync(org.Id, ct);
        var market = history;
        var wallets = ledger.ListWallets().Where(w => Guid.TryParse(w.Organisation, out var o) && o == org.Id).ToList();
        var inputs = await StatementInputs.LoadAsync(database, ledger, time, wallets.Select(w => w.Address), ct);

        var rows = new List<BoardPerformanceRow>();
        var holdings = new List<BoardHolding>();
        var daily = new SortedDictionary<DateOnly, decimal>();
        decimal cash = 0m, trade = 0m, management = 0m, performance = 0m;
        var combined = new SortedDictionary<DateOnly, (decimal Opening, decimal Deposits, decimal Withdrawals, decimal Closing)>();
        var earliest = DateOnly.MaxValue;
        decimal closingValue = 0m;
        foreach (var wallet in wallets)
        {
            var opened = WalletStatementBuilder.OpenedOn(wallet, inputs.Entries, today);
            if (opened > closing)
            {
                continue;
            }

            var months = new List<WalletStatement>();
            for (var m = new DateOnly(opened.Year, opened.Month, 1); m <= closing; m = m.AddMonths(1))
            {
                months.Add(WalletStatementBuilder.Build(wallet, inputs.Entries, inputs.History, inputs.CurrentNav, m, today));
            }

            var inQuarter = months.Where(s => s.Month >= quarter.First).ToList();
            var last = months[^1];
            earliest = opened < earliest ? opened : earliest;
            foreach (var s in months)
            {
                var c = combined.GetValueOrDefault(s.Month);
                combined[s.Month] = (c.Opening + s.OpeningValue, c.Deposits + s.Deposits, c.Withdrawals + s.Withdrawals, c.Closing + s.ClosingValue);
            }

            foreach (var s in inQuarter)
            {
                trade += s.TradeFees;
                management += s.ManagementFees;
                performance += s.PerformanceFees;
                for (var k = 0; k < s.Days.Count; k++)
                {
                    daily[s.Days[k]] = daily.GetValueOrDefault(s.Days[k]) + s.DailyValues[k];
                }
            }

            closingValue += last.ClosingValue;
            cash += last.ClosingCash;
            holdings.AddRange(last.ClosingHoldings.Select(h => new BoardHolding(wallet.Address, h.Symbol, h.Shares, h.Value)));
            rows.Add(new BoardPerformanceRow(
                wallet.Address, opened, last.ClosingValue,
                Chain(inQuarter.Select(s => s.Return)), Chain(months.Where(s => s.Month >= quarter.YearStart).Select(s => s.Return)), Chain(months.Select(s => s.Return)),
                Bench(market, policy, Later(quarter.First, opened), closing),
                Bench(market, policy, Later(quarter.YearStart, opened), closing),
                Bench(market, policy, opened, closing)));
        }

        // The treasury: the organisation's own (or the platform's, for the operator's organisation that owns it).
        var treasury = await treasuries.ForAsync(org.Id, org.Name, ct);
        BoardPerformanceRow? treasuryRow = null;
        if (treasury is not null)
        {
            (treasuryRow, var lines, var treasuryCash) = await TreasuryAsync(treasury, market, policy, quarter, closing, ct);
            holdings.AddRange(lines);
            cash += treasuryCash;
        }

        // All wallets together: the sums of their monthly statements, chained like one wallet's.
        var walletCount = rows.Count;
        var combinedMonths = combined.Select(kv => (Month: kv.Key, Return: kv.Value.Opening + kv.Value.Deposits is var b && b > 0m
            ? (kv.Value.Closing - kv.Value.Opening - kv.Value.Deposits + kv.Value.Withdrawals) / b : (decimal?)null)).ToList();
        var quarterReturn = Chain(combinedMonths.Where(m => m.Month >= quarter.First).Select(m => m.Return));
        var totalBench = walletCount == 0 ? null : Bench(market, policy, Later(quarter.First, earliest), closing);
        var total = walletCount == 0 ? null : new BoardPerformanceRow("All wallets", earliest, closingValue, quarterReturn,
            Chain(combinedMonths.Where(m => m.Month >= quarter.YearStart).Select(m => m.Return)), Chain(combinedMonths.Select(m => m.Return)),
            totalBench, Bench(market, policy, Later(quarter.YearStart, earliest), closing), Bench(market, policy, earliest, closing));
        var breaches = await policies.BreachesAsync(org.Id, quarter.First, closing, ct);
        var decisions = await DecisionsAsync(wallets, treasury, quarter.First, closing, ct);
        var fees = new BoardFees(trade, RoundingPolicy.Cents(management), RoundingPolicy.Cents(performance));
        var value = cash + holdings.Sum(h => h.Value);
        decimal? reserve = policy.MonthlyExpenses is > 0m and var monthly ? RoundingPolicy.Ratio(cash / monthly, 2) : null;
        var summary = BoardSummary.Write(closing, walletCount, treasuryRow is not null, value, cash, quarterReturn, totalBench, policy.Benchmark, fees.Total, breaches.Count, reserve, decisions.Count);
        return new BoardReport(org.Name, org.Id, quarter, closing, policy, rows, total, treasuryRow, fees, breaches, decisions, holdings, cash, reserve,
            [.. daily.Keys.Where(d => d >= earliest)], [.. daily.Where(kv => kv.Key >= earliest).Select(kv => kv.Value)], summary);
    }

    public async Task<string> BoardHtmlAsync(Caller caller, Guid? organisationId, string? quarter, CancellationToken ct) =>
        BoardReportHtml.Render(await BoardAsync(caller, organisationId, quarter, ct));

    /// <summary>A report's HTML printed to PDF by headless Chromium (<see cref="Outcome.PdfUnavailable"/> without it).</summary>
    public Task<byte[]> PdfAsync(string html, CancellationToken ct) => pdf.PrintAsync(html, ct);

    /// <summary>The organisation named <paramref name="nameOrId"/> (the CLI's <c>--org</c>), as seen by <paramref name="caller"/>.</summary>
    public async Task<Organisation> OrganisationNamedAsync(Caller caller, string nameOrId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var org = Guid.TryParse(nameOrId, out var id) ? await identity.FindOrganisationAsync(id, ct) : await identity.FindOrganisationByNameAsync(nameOrId.Trim(), ct);
        return org is not null && caller.CanRead(org.Id) ? org : throw new DomainException(Outcome.OrganisationNotFound, $"no organisation named '{nameOrId}'");
    }

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;

    /// <summary>The benchmark from the close of the day before <paramref name="from"/> to the close of <paramref name="to"/>.</summary>
    private static double? Bench(MarketHistory market, BoardPolicy policy, DateOnly from, DateOnly to) =>
        BenchmarkReturn.Of(market, policy.BenchmarkBtcShare, from.AddDays(-1), to);

    /// <summary>Monthly returns chained (months without a return, nothing invested, are skipped); null when none has one.</summary>
    private static decimal? Chain(IEnumerable<decimal?> months)
    {
        decimal? growth = null;
        foreach (var m in months)
        {
            if (m is { } r)
            {
                growth = (growth ?? 1m) * (1m + r);
            }
        }

        return growth is { } g ? RoundingPolicy.Ratio(g - 1m, 6) : null;
    }

    private static async Task<(BoardPerformanceRow? Row, List<BoardHolding> Lines, decimal Cash)> TreasuryAsync(
        Core.Treasury.TreasuryScope treasury, MarketHistory market, BoardPolicy policy, ReportQuarter quarter, DateOnly closing, CancellationToken ct)
    {
        var manager = treasury.Manager;
        var end = closing < manager.DefaultAsOf ? closing : manager.DefaultAsOf;
        Core.Treasury.TreasuryStatus status;
        try
        {
            status = await manager.StatusAsync(end, ct);
        }
        catch (ArgumentException)
        {
            return (null, [], 0m); // before the treasury's inception
        }

        var inception = status.Performance.Inception;
        async Task<decimal?> ReturnSince(DateOnly start)
        {
            var day = start.AddDays(-1);
            if (day < inception)
            {
                return (decimal)status.Performance.Return;
            }

            var before = await manager.StatusAsync(day, ct);
            var v = before.Valuation.TotalValue;
            return v > 0m ? RoundingPolicy.Ratio((status.Valuation.TotalValue / v) - 1m, 6) : null;
        }

        var row = new BoardPerformanceRow("Treasury", inception, status.Valuation.TotalValue,
            await ReturnSince(quarter.First), await ReturnSince(quarter.YearStart), RoundingPolicy.Ratio((decimal)status.Performance.Return, 6),
            Bench(market, policy, Later(quarter.First, inception), end),
            Bench(market, policy, Later(quarter.YearStart, inception), end),
            Bench(market, policy, inception, end));
        var lines = status.Valuation.Lines.Select(l => new BoardHolding("Treasury", l.Asset + " (" + l.Venue + ")", l.Quantity, l.Value)).ToList();
        return (row, lines, status.Valuation.Cash);
    }

    private async Task<List<BoardDecision>> DecisionsAsync(List<Wallet> wallets, Core.Treasury.TreasuryScope? treasury, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var list = new List<BoardDecision>();
        var addresses = wallets.Select(w => w.Address).ToHashSet(StringComparer.Ordinal);
        foreach (var p in await proposals.ProposalsAsync(null, null, ct))
        {
            if (addresses.Contains(p.WalletAddress) && p.AsOf >= from && p.AsOf <= to)
            {
                var outcome = p.Status switch
                {
                    ProposalStatus.Executed => "approved and executed" + (p.DecidedBy is { } by ? " by " + by : ""),
                    ProposalStatus.Rejected => "rejected" + (p.DecidedBy is { } by ? " by " + by : "") + (p.DecisionNote is { Length: > 0 } n ? ": " + n : ""),
                    ProposalStatus.Expired => "expired without a decision",
                    _ => "pending",
                };
                list.Add(new BoardDecision(p.AsOf, p.WalletAddress, string.Create(CultureInfo.InvariantCulture, $"rebalance proposal ({p.Orders.Count} orders)"), p.Reasoning, outcome));
            }
        }

        if (treasury is not null)
        {
            foreach (var e in await treasury.Journal.ListAsync(JournalLookback, ct))
            {
                if (e.AsOf >= from && e.AsOf <= to)
                {
                    var outcome = e.Outcome?.Summary ?? (e.Executed ? "executed; outcome not yet evaluated" : e.Approved.Count > 0 ? "orders queued" : "no orders");
                    list.Add(new BoardDecision(e.AsOf, "Treasury", e.Decision.Kind + " · " + e.Decision.Action, e.Decision.Reasoning, outcome));
                }
            }
        }

        return [.. list.OrderBy(d => d.Date).ThenBy(d => d.Source, StringComparer.Ordinal)];
    }
}
