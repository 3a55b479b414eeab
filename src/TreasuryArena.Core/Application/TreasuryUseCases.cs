using TreasuryArena.Core.Audit;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Identity;
using TreasuryArena.Core.Treasury;

namespace TreasuryArena.Core.Application;

/// <summary>
/// The treasury's runs, the same from the CLI (<c>arena advise</c>, <c>arena treasury execute</c>, <c>arena review</c>),
/// the <c>treasury-daily</c> and <c>treasury-weekly-review</c> jobs and their admin triggers: only an admin may run the
/// treasury (an operator and a job act as admin; else <c>role_forbidden</c>); the <see cref="TreasuryManager"/> asks
/// the advisor, applies the guardrails, executes on the paper venue and journals; the run is audited as
/// <c>treasury.advise</c>, <c>treasury.execute</c>, <c>treasury.daily</c> or <c>treasury.review</c> with the as-of date
/// and the decision (advisor, kind, action, confidence, journal entry, orders). A refusal is audited under the same
/// action (a date the treasury cannot act on is <c>invalid_request</c>) and rethrown unchanged.
/// </summary>
public sealed class TreasuryUseCases(TreasuryManager manager, IAuditLog audit)
{
    public const string AdviseAction = "treasury.advise";
    public const string ExecuteAction = "treasury.execute";
    public const string DailyAction = "treasury.daily";
    public const string ReviewAction = "treasury.review";

    /// <summary>The daily analysis (act today or not), journaled; an emergency de-risk executes only in FULL_AI.</summary>
    public async Task<AdviceResult> AdviseAsync(Caller actor, DateOnly asOf, CancellationToken ct)
    {
        var result = await RunAsync(actor, AdviseAction, asOf, () => manager.AdviseAsync(asOf, ct), ct);
        await AuditTrail.DoneAsync(audit, actor, AdviseAction, "treasury", Detail(asOf, result, null), ct);
        return result;
    }

    /// <summary>Plan, the advisor's review, the guardrails and the paper execution of what passes; journaled.</summary>
    public async Task<AdviceResult> ExecuteAsync(Caller actor, DateOnly asOf, CancellationToken ct)
    {
        var result = await RunAsync(actor, ExecuteAction, asOf, () => manager.ExecuteAsync(asOf, ct), ct);
        await AuditTrail.DoneAsync(audit, actor, ExecuteAction, "treasury", Detail(asOf, result, null), ct);
        return result;
    }

    /// <summary>
    /// The daily run: the daily analysis, then the mode gate (FULL_AI executes a decision that acts). With
    /// <paramref name="once"/> (the schedule) a date already analysed is not asked again: the run returns its journal
    /// entry and audits nothing.
    /// </summary>
    public async Task<TreasuryRun> RunDailyAsync(Caller actor, DateOnly asOf, bool once, CancellationToken ct)
    {
        var run = await RunAsync(actor, DailyAction, asOf, async () =>
        {
            if (once)
            {
                var (d, e, existing) = await manager.RunDailyOnceAsync(asOf, ct);
                return new TreasuryRun(d, e, existing);
            }

            var (daily, executed) = await manager.RunDailyAsync(asOf, ct);
            return new TreasuryRun(daily, executed, null);
        }, ct);
        if (run.Daily is { } result)
        {
            await AuditTrail.DoneAsync(audit, actor, DailyAction, "treasury", Detail(asOf, result, run.Executed), ct);
        }

        return run;
    }

    /// <summary>Evaluates the outcomes past their horizon and journals the weekly review per advisor.</summary>
    public async Task<WeeklyReviewReport> ReviewAsync(Caller actor, DateOnly asOf, CancellationToken ct)
    {
        var report = await RunAsync(actor, ReviewAction, asOf, () => manager.ReviewAsync(asOf, ct), ct);
        await AuditTrail.DoneAsync(audit, actor, ReviewAction, "treasury", new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["as_of"] = AuditTrail.Date(asOf),
            ["outcomes_evaluated"] = report.OutcomesEvaluated,
            ["advisor"] = report.Commentary.Advisor,
            ["scorecards"] = report.Input.Scorecards.Count,
        }, ct);
        return report;
    }

    private async Task<T> RunAsync<T>(Caller actor, string action, DateOnly asOf, Func<Task<T>> run, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var detail = new Dictionary<string, object?>(StringComparer.Ordinal) { ["as_of"] = AuditTrail.Date(asOf) };
        try
        {
            RoleRules.RequireAdmin(actor, action);
            return await run();
        }
        catch (DomainException ex)
        {
            throw await AuditTrail.RefusedAsync(audit, actor, action, "treasury", ex, detail, ct);
        }
        catch (ArgumentException ex)
        {
            // A date the treasury cannot act on: audited as invalid_request, rethrown as is for the door to map.
            await AuditTrail.RefusedAsync(audit, actor, action, "treasury", new DomainException(Outcome.InvalidRequest, ex.Message), detail, ct);
            throw;
        }
    }

    private static Dictionary<string, object?> Detail(DateOnly asOf, AdviceResult result, AdviceResult? executed)
    {
        var detail = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["as_of"] = AuditTrail.Date(asOf),
            ["advisor"] = result.Decision.Advisor,
            ["kind"] = AuditTrail.Lower(result.Decision.Kind),
            ["action"] = AuditTrail.Lower(result.Decision.Action),
            ["confidence"] = result.Decision.Confidence,
            ["journal"] = result.Entry.Id,
            ["orders"] = result.Guarded.Orders.Count,
            ["fills"] = result.Fills.Count,
        };
        if (executed is not null)
        {
            detail["executed_action"] = AuditTrail.Lower(executed.Decision.Action);
            detail["executed_journal"] = executed.Entry.Id;
            detail["queued_orders"] = executed.Queued?.Orders.Count ?? 0;
        }

        return detail;
    }
}
