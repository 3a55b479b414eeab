using TreasuryArena.Core.Audit;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Identity;
using TreasuryArena.Core.Nav;
using TreasuryArena.Core.Ports;

namespace TreasuryArena.Core.Application;

/// <summary>
/// Step every token's NAV (revaluation, fees, lifecycle gates, breakers) up to a date, the same from the CLI
/// (<c>arena nav</c>), the daily <c>nav-step</c> job and its admin trigger (<c>/api/admin/jobs/nav-step/run</c>):
/// only an admin may step (an operator and a job act as admin; else <c>role_forbidden</c>); the date never passes the
/// business clock's platform date (a later one is clamped to it, so no NAV, fee or period close is dated on a day
/// without prices); the step is audited as <c>nav.step</c> with the date stepped to, the rows written and each token's
/// status and NAV (a refusal under the same action with its code). After the step, the organisations' holdings are measured
/// against their IPS at the new prices and the breaches recorded (<see cref="PolicyUseCases.RecordBreachesAsync"/>).
/// </summary>
public sealed class NavUseCases(NavEngine nav, IBusinessClock clock, IAuditLog audit, PolicyUseCases? policies = null)
{
    public const string StepAction = "nav.step";

    /// <summary>The platform date: the last date a step may reach.</summary>
    public DateOnly PlatformDate => clock.Today;

    /// <summary>Steps every token to <paramref name="to"/> (default: the platform date), never past the platform date.</summary>
    public async Task<NavStep> StepAsync(Caller actor, DateOnly? to, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var platform = clock.Today;
        var asked = to ?? platform;
        var end = asked > platform ? platform : asked;
        var detail = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["to"] = AuditTrail.Date(end),
            ["asked"] = AuditTrail.Date(asked),
            ["clock"] = clock.Mode,
        };
        NavRunReport report;
        try
        {
            RoleRules.RequireAdmin(actor, StepAction);
            report = await nav.RunAsync(end, ct);
        }
        catch (DomainException ex)
        {
            throw await AuditTrail.RefusedAsync(audit, actor, StepAction, "nav", ex, detail, ct);
        }

        detail["rows_written"] = report.RowsWritten;
        detail["tokens"] = report.Tokens.ToDictionary(t => t.Symbol, t => (object?)new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["status"] = t.Status,
            ["nav"] = t.Nav,
            ["last_date"] = t.LastDate is { } d ? AuditTrail.Date(d) : null,
            ["rows_written"] = t.RowsWritten,
        }, StringComparer.Ordinal);
        // New prices can push holdings outside an organisation's IPS: the breaches are recorded (and notified) for the date.
        var breaches = policies is null ? 0 : await policies.RecordBreachesAsync(end, ct);
        detail["policy_breaches"] = breaches;
        await AuditTrail.DoneAsync(audit, actor, StepAction, "nav", detail, ct);
        return new NavStep(asked, end, report) { PolicyBreaches = breaches };
    }
}
