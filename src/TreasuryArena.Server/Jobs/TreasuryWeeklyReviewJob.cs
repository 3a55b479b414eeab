using System.Globalization;
using TreasuryArena.Core.Application;
using TreasuryArena.Core.Identity;
using TreasuryArena.Core.Treasury;
using TreasuryArena.Infrastructure.Advice;

namespace TreasuryArena.Server.Jobs;

/// <summary>
/// Weekly: evaluates the journal's decisions whose horizon has passed (what happened against the alternative), then
/// the weekly review — hit rate and calibration per advisor, the week against the benchmarks, and the advisor's
/// commentary, journaled; for every organisation's treasury in turn (<see cref="TreasuryUseCases.ReviewEachAsync"/>).
/// </summary>
public sealed class TreasuryWeeklyReviewJob(TreasuryRuntime treasury, TreasuryUseCases useCases) : IScheduledJob
{
    public string Name => "treasury-weekly-review";

    public string Description => "Evaluate decision outcomes past their horizon and journal the weekly review per advisor";

    public JobSchedule Schedule { get; } = JobSchedule.Weekly(DayOfWeek.Monday, 2, 0);

    public async Task<string> RunAsync(JobContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var day = treasury.Manager.AsOfFor(context.Today);
        var reports = await useCases.ReviewEachAsync(Caller.Job(Name), day, ct);
        return reports.Count == 1
            ? Summary(day, reports[0].Result)
            : string.Join(" | ", reports.Select(r => r.Organisation + ": " + Summary(day, r.Result)));
    }

    private static string Summary(DateOnly day, WeeklyReviewReport report)
    {
        var cards = report.Input.Scorecards.Select(c => c.HitRate is { } h
            ? string.Create(CultureInfo.InvariantCulture, $"{c.Advisor} {c.Right}/{c.Scored} right ({h:P0})")
            : string.Create(CultureInfo.InvariantCulture, $"{c.Advisor} {c.Decisions} decisions, none scored yet"));
        return string.Create(CultureInfo.InvariantCulture,
            $"week to {day:yyyy-MM-dd}: {report.OutcomesEvaluated} outcomes evaluated; {string.Join("; ", cards)}");
    }
}
