using System.Globalization;
using TreasuryArena.Core.Application;
using TreasuryArena.Core.Identity;
using TreasuryArena.Core.Treasury;
using TreasuryArena.Infrastructure.Advice;

namespace TreasuryArena.Server.Jobs;

/// <summary>
/// Daily: the treasury's daily analysis — the advisor's decision (act today or not), journaled; in FULL_AI a decision
/// that acts is reviewed and executed on the paper venue, in HYBRID and MANUAL it stays proposed for a person
/// (<c>arena treasury execute</c>). Outcomes past their horizon are evaluated first.
/// On schedule it analyses each as-of date once: when the market data ends before today, the days after its last date
/// journal nothing new (the decision for that date is already there). An admin trigger always asks again.
/// Every organisation's treasury in turn (issue 21; one line each, prefixed with the organisation's name when there are
/// several), through <see cref="TreasuryUseCases.RunDailyEachAsync"/>, each audited <c>treasury.daily</c>.
/// </summary>
public sealed class TreasuryDailyJob(TreasuryRuntime treasury, TreasuryUseCases useCases) : IScheduledJob
{
    public string Name => "treasury-daily";

    public string Description => "The treasury's daily analysis by the advisor, journaled; executes per the treasury's mode";

    public JobSchedule Schedule { get; } = JobSchedule.Daily(1, 0);

    public async Task<string> RunAsync(JobContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var day = treasury.Manager.AsOfFor(context.Today);
        var runs = await useCases.RunDailyEachAsync(Caller.Job(Name), day, once: context.Trigger == JobContext.ScheduleTrigger, ct);
        return runs.Count == 1
            ? Summary(day, runs[0].Result, treasury.Options.ParsedMode())
            : string.Join(" | ", runs.Select(r => r.Organisation + ": " + Summary(day, r.Result, treasury.Options.ParsedMode())));
    }

    private static string Summary(DateOnly day, TreasuryRun run, TreasuryMode mode)
    {
        if (run.Existing is { } existing)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"{day:yyyy-MM-dd}: already analysed (journal #{existing.Id}); the market data ends {day:yyyy-MM-dd}, nothing new to decide");
        }

        var (daily, executed) = (run.Daily!, run.Executed);

        var d = daily.Decision;
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"{day:yyyy-MM-dd}: {d.Kind} {d.Action} by {d.Advisor} ({d.Confidence}/100), journal #{daily.Entry.Id}");
        if (daily.Fills.Count > 0)
        {
            summary += string.Create(CultureInfo.InvariantCulture, $"; {daily.Fills.Count} queued orders filled at the {daily.Fills[0].Date:yyyy-MM-dd} close");
        }

        if (executed is not null)
        {
            summary += string.Create(CultureInfo.InvariantCulture,
                $"; {mode}: {executed.Decision.Action} by {executed.Decision.Advisor}, {executed.Queued?.Orders.Count ?? 0} orders queued for the next bar, journal #{executed.Entry.Id}");
        }
        else if (d.Acts && daily.Guarded.Orders.Count > 0)
        {
            summary += string.Create(CultureInfo.InvariantCulture, $"; {mode}: {daily.Guarded.Orders.Count} orders proposed, not executed");
        }

        return summary;
    }
}
