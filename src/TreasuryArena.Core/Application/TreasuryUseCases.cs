using TreasuryArena.Core.Audit;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Identity;
using TreasuryArena.Core.Treasury;

namespace TreasuryArena.Core.Application;

/// <summary>
/// Each organisation's treasury (issue 21), the same from the CLI (<c>arena treasury create|status|plan|execute</c>,
/// <c>arena advise</c>, <c>arena journal</c>, <c>arena review</c>), the API (<c>/api/treasury</c>), and the
/// <c>treasury-daily</c> and <c>treasury-weekly-review</c> jobs (which run every registered treasury).
/// <para>Scoping: a member acts on their own organisation's treasury only (naming another is <c>treasury_not_found</c>,
/// 404, as is an organisation without a treasury); an admin (an operator at the CLI, a job) names the organisation, and
/// without one acts on the platform treasury (<see cref="PlatformTreasury"/>, registered on first use).</para>
/// <para>Creating: a treasurer of the organisation or an admin, a positive USD capital (cents), once
/// (<c>treasury_exists</c>, 409); audited <c>treasury.create</c>. The capital is deposited in the ledger on the
/// treasury's first execution, as for the platform treasury.</para>
/// <para>Runs: the organisation's treasurer runs their own treasury, an admin any (a viewer or an approver is refused
/// <c>role_forbidden</c>; the jobs' runs of every treasury are an admin's); the <see cref="TreasuryManager"/> asks the
/// advisor, applies the guardrails, executes on the paper venue and journals; the run is audited as
/// <c>treasury.advise</c>, <c>treasury.execute</c>, <c>treasury.daily</c> or <c>treasury.review</c> with the organisation,
/// the as-of date and the decision. A refusal is audited under the same action (a date the treasury cannot act on is
/// <c>invalid_request</c>) and rethrown unchanged.</para>
/// </summary>
public sealed class TreasuryUseCases(ITreasuryDirectory directory, IIdentityStore identity, IAuditLog audit, TimeProvider time)
{
    public const string CreateAction = "treasury.create";
    public const string AdviseAction = "treasury.advise";
    public const string ExecuteAction = "treasury.execute";
    public const string DailyAction = "treasury.daily";
    public const string ReviewAction = "treasury.review";

    /// <summary>The largest capital a treasury may be created with (USD).</summary>
    public const decimal MaxCapital = 1_000_000_000_000m;

    private int _platformReady;

    /// <summary>
    /// The treasury <paramref name="caller"/> may read: their organisation's, or for an admin the one
    /// <paramref name="organisation"/> names (a name or an id; none: the platform treasury). For the board report and
    /// the read endpoints.
    /// </summary>
    public async Task<TreasuryScope> OpenAsync(Caller caller, string? organisation, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        await EnsurePlatformAsync(ct);
        var (orgId, label) = await TargetAsync(caller, organisation, ct);
        var account = await directory.FindAsync(orgId, ct)
                      ?? throw new DomainException(Outcome.TreasuryNotFound, $"{label} has no treasury (create it with `arena treasury create --org NAME --capital N` or POST /api/treasury)");
        return directory.Open(account);
    }

    /// <summary>The status of the caller's (or, for an admin, the named organisation's) treasury on <paramref name="asOf"/> (default: the latest market date).</summary>
    public async Task<TreasuryStatus> StatusAsync(Caller caller, string? organisation, DateOnly? asOf, CancellationToken ct)
    {
        var scope = await OpenAsync(caller, organisation, ct);
        return await scope.Manager.StatusAsync(asOf ?? scope.Manager.DefaultAsOf, ct);
    }

    /// <summary>Creates the organisation's treasury funded with <paramref name="capital"/> USD.</summary>
    public async Task<TreasuryAccount> CreateAsync(Caller actor, string? organisation, decimal capital, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var detail = new Dictionary<string, object?>(StringComparer.Ordinal) { ["capital"] = capital };
        try
        {
            RoleRules.RequireTreasurer(actor, CreateAction);
            if (capital <= 0m || capital > MaxCapital || RoundingPolicy.CentsDown(capital) != capital)
            {
                throw new DomainException(Outcome.InvalidAmount, "capital must be a positive USD amount in cents (at most 1,000,000,000,000)");
            }

            if (actor.Role == Role.Admin && actor.OrganisationId is null && string.IsNullOrWhiteSpace(organisation))
            {
                throw new DomainException(Outcome.InvalidRequest, "name the organisation whose treasury this is (--org NAME, or organisation_id)");
            }

            await EnsurePlatformAsync(ct);
            var (orgId, label) = await TargetAsync(actor, organisation, ct);
            detail["organisation"] = orgId.ToString();
            var account = new TreasuryAccount(orgId, TreasuryAccount.LedgerNameFor(orgId), capital, time.GetUtcNow(), actor.Actor);
            if (!await directory.TryAddAsync(account, ct))
            {
                throw new DomainException(Outcome.TreasuryExists, $"{label} already has a treasury");
            }

            detail["ledger_name"] = account.LedgerName;
            await AuditTrail.DoneAsync(audit, actor, CreateAction, "treasury:" + orgId, detail, ct);
            return account;
        }
        catch (DomainException ex)
        {
            throw await AuditTrail.RefusedAsync(audit, actor, CreateAction, "treasury", ex, detail, ct);
        }
    }

    /// <summary>The daily analysis (act today or not), journaled; an emergency de-risk executes only in FULL_AI.</summary>
    public async Task<AdviceResult> AdviseAsync(Caller actor, string? organisation, DateOnly asOf, CancellationToken ct)
    {
        var (scope, result) = await RunAsync(actor, organisation, AdviseAction, asOf, s => s.Manager.AdviseAsync(asOf, ct), ct);
        await AuditTrail.DoneAsync(audit, actor, AdviseAction, "treasury", Detail(scope, asOf, result, null), ct);
        return result;
    }

    /// <summary>Plan, the advisor's review, the guardrails and the paper execution of what passes; journaled.</summary>
    public async Task<AdviceResult> ExecuteAsync(Caller actor, string? organisation, DateOnly asOf, CancellationToken ct)
    {
        var (scope, result) = await RunAsync(actor, organisation, ExecuteAction, asOf, s => s.Manager.ExecuteAsync(asOf, ct), ct);
        await AuditTrail.DoneAsync(audit, actor, ExecuteAction, "treasury", Detail(scope, asOf, result, null), ct);
        return result;
    }

    /// <summary>
    /// The daily run: the daily analysis, then the mode gate (FULL_AI executes a decision that acts). With
    /// <paramref name="once"/> (the schedule) a date already analysed is not asked again: the run returns its journal
    /// entry and audits nothing.
    /// </summary>
    public async Task<TreasuryRun> RunDailyAsync(Caller actor, string? organisation, DateOnly asOf, bool once, CancellationToken ct)
    {
        var (scope, run) = await RunAsync(actor, organisation, DailyAction, asOf, async s =>
        {
            if (once)
            {
                var (d, e, existing) = await s.Manager.RunDailyOnceAsync(asOf, ct);
                return new TreasuryRun(d, e, existing);
            }

            var (daily, executed) = await s.Manager.RunDailyAsync(asOf, ct);
            return new TreasuryRun(daily, executed, null);
        }, ct);
        if (run.Daily is { } result)
        {
            await AuditTrail.DoneAsync(audit, actor, DailyAction, "treasury", Detail(scope, asOf, result, run.Executed), ct);
        }

        return run;
    }

    /// <summary>Evaluates the outcomes past their horizon and journals the weekly review per advisor.</summary>
    public async Task<WeeklyReviewReport> ReviewAsync(Caller actor, string? organisation, DateOnly asOf, CancellationToken ct)
    {
        var (scope, report) = await RunAsync(actor, organisation, ReviewAction, asOf, s => s.Manager.ReviewAsync(asOf, ct), ct);
        await AuditTrail.DoneAsync(audit, actor, ReviewAction, "treasury", new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["organisation"] = scope.Account.OrganisationId.ToString(),
            ["as_of"] = AuditTrail.Date(asOf),
            ["outcomes_evaluated"] = report.OutcomesEvaluated,
            ["advisor"] = report.Commentary.Advisor,
            ["scorecards"] = report.Input.Scorecards.Count,
            ["repeated"] = report.Repeated,
        }, ct);
        return report;
    }

    /// <summary>The <c>treasury-daily</c> job: <see cref="RunDailyAsync"/> for every registered treasury, oldest first.</summary>
    public Task<IReadOnlyList<OrganisationTreasuryRun<TreasuryRun>>> RunDailyEachAsync(Caller actor, DateOnly asOf, bool once, CancellationToken ct) =>
        EachAsync(actor, org => RunDailyAsync(actor, org, asOf, once, ct), ct);

    /// <summary>The <c>treasury-weekly-review</c> job: <see cref="ReviewAsync"/> for every registered treasury, oldest first.</summary>
    public Task<IReadOnlyList<OrganisationTreasuryRun<WeeklyReviewReport>>> ReviewEachAsync(Caller actor, DateOnly asOf, CancellationToken ct) =>
        EachAsync(actor, org => ReviewAsync(actor, org, asOf, ct), ct);

    private async Task<IReadOnlyList<OrganisationTreasuryRun<T>>> EachAsync<T>(Caller actor, Func<string, Task<T>> run, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        RoleRules.RequireAdmin(actor, "treasury runs");
        await EnsurePlatformAsync(ct);
        var results = new List<OrganisationTreasuryRun<T>>();
        foreach (var account in await directory.ListAsync(ct))
        {
            var name = account.OrganisationId == PlatformTreasury.OrganisationId
                ? PlatformTreasury.Name
                : (await identity.FindOrganisationAsync(account.OrganisationId, ct))?.Name ?? account.OrganisationId.ToString();
            results.Add(new OrganisationTreasuryRun<T>(account, name, await run(account.OrganisationId.ToString())));
        }

        return results;
    }

    /// <summary>The organisation a caller's treasury request is about, and how to name it in a refusal.</summary>
    private async Task<(Guid Id, string Label)> TargetAsync(Caller caller, string? organisation, CancellationToken ct)
    {
        var named = string.IsNullOrWhiteSpace(organisation) ? null : organisation.Trim();
        if (caller.Role != Role.Admin)
        {
            var own = caller.OrganisationId ?? throw new DomainException(Outcome.TreasuryNotFound, "your key belongs to no organisation");
            if (named is not null && (await FindOrganisationAsync(named, ct))?.Id != own)
            {
                throw new DomainException(Outcome.TreasuryNotFound, $"no treasury {named} in your organisation");
            }

            return (own, "your organisation");
        }

        if (named is null)
        {
            return caller.OrganisationId is { } mine ? (mine, "your organisation") : (PlatformTreasury.OrganisationId, PlatformTreasury.Name);
        }

        if (Guid.TryParse(named, out var id) && id == PlatformTreasury.OrganisationId)
        {
            return (id, PlatformTreasury.Name);
        }

        var org = await FindOrganisationAsync(named, ct)
                  ?? throw new DomainException(Outcome.UnknownOrganisation, $"no organisation named {named} (create it with `arena org create`)");
        return (org.Id, "organisation " + org.Name);
    }

    private async Task<Organisation?> FindOrganisationAsync(string organisation, CancellationToken ct) =>
        (Guid.TryParse(organisation, out var id) ? await identity.FindOrganisationAsync(id, ct) : null)
        ?? await identity.FindOrganisationByNameAsync(organisation, ct);

    /// <summary>
    /// Registers the platform treasury the first time any treasury is used. Its organisation is the reserved id
    /// <see cref="PlatformTreasury.OrganisationId"/>, owned by the operator: it has no row among the member organisations
    /// (no members, no keys, not listed), so only an admin reaches it.
    /// </summary>
    private async Task EnsurePlatformAsync(CancellationToken ct)
    {
        if (Volatile.Read(ref _platformReady) == 1)
        {
            return;
        }

        if (await directory.FindAsync(PlatformTreasury.OrganisationId, ct) is null)
        {
            await directory.TryAddAsync(directory.PlatformAccount(time.GetUtcNow()), ct);
        }

        Volatile.Write(ref _platformReady, 1);
    }

    private async Task<(TreasuryScope Scope, T Result)> RunAsync<T>(Caller actor, string? organisation, string action, DateOnly asOf, Func<TreasuryScope, Task<T>> run, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var detail = new Dictionary<string, object?>(StringComparer.Ordinal) { ["as_of"] = AuditTrail.Date(asOf) };
        try
        {
            RoleRules.RequireTreasurer(actor, action);
            var scope = await OpenAsync(actor, organisation, ct);
            detail["organisation"] = scope.Account.OrganisationId.ToString();
            return (scope, await run(scope));
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

    private static Dictionary<string, object?> Detail(TreasuryScope scope, DateOnly asOf, AdviceResult result, AdviceResult? executed)
    {
        var detail = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["organisation"] = scope.Account.OrganisationId.ToString(),
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
