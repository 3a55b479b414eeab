using TreasuryArena.Core.Application;
using TreasuryArena.Core.Identity;
using TreasuryArena.Core.Treasury;

namespace TreasuryArena.Infrastructure.Reports;

/// <summary>
/// The treasury's daily report, the one use case behind <c>arena report daily</c> and <c>GET /api/reports/daily</c>:
/// the status of the treasury the caller may read (<see cref="TreasuryUseCases.OpenAsync"/>: a member's organisation's,
/// an admin's named one or the platform treasury) on a date (default: the latest market date), rendered as Markdown
/// (<see cref="DailyReportMarkdown"/>), HTML (<see cref="DailyReportHtml"/>) or JSON by the caller. With
/// <c>analyseIfMissing</c> (the CLI, run by an operator) a date without a journaled decision first gets the daily analysis
/// (<see cref="TreasuryUseCases.AdviseAsync"/>, audited; admins only); the HTTP read never writes, so a viewer's report of
/// such a date says no decision was journaled.
/// </summary>
public sealed class DailyReportUseCases(TreasuryUseCases treasuries)
{
    /// <summary>The report's status, the treasury's name, its drift threshold and, when the analysis was run for it, the journal entry id it wrote.</summary>
    public async Task<(TreasuryStatus Status, string Treasury, decimal DriftThreshold, long? Analysed)> ReadAsync(Caller caller, string? organisation, DateOnly? asOf, bool analyseIfMissing, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var scope = await treasuries.OpenAsync(caller, organisation, ct);
        var day = asOf ?? scope.Manager.DefaultAsOf;
        var status = await scope.Manager.StatusAsync(day, ct);
        long? analysed = null;
        if (status.LatestDecision is null && analyseIfMissing)
        {
            var advice = await treasuries.AdviseAsync(caller, organisation, day, ct);
            analysed = advice.Entry.Id;
            status = await scope.Manager.StatusAsync(day, ct);
        }

        return (status, scope.Account.LedgerName, scope.Manager.Options.DriftThreshold, analysed);
    }
}
