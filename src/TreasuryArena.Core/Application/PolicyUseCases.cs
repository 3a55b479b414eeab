using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using TreasuryArena.Core.Approvals;
using TreasuryArena.Core.Audit;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Compliance;
using TreasuryArena.Core.Identity;
using TreasuryArena.Core.Ledger;
using TreasuryArena.Core.Policy;
using TreasuryArena.Core.Wallets;

namespace TreasuryArena.Core.Application;

/// <summary>
/// The organisation's Investment Policy Statement: show, change (a new version with author and time, audited as
/// <c>policy.set</c>), the breaches of its current holdings, and the check of a manual buy (<see cref="TradeUseCases"/>).
/// Every change, the operator's <c>arena policy set</c> and a member's <c>PUT /api/orgs/me/policy</c> alike, goes
/// through <see cref="ProposeChangeAsync"/>: an admin (the operator, acting for the platform) applies it at once; a
/// member's (a treasurer's or an approver's) is validated, then stored as a <see cref="ApprovalKind.PolicyChange"/>
/// awaiting a second, different member's approval (<see cref="DualControl.RequestAsync"/>), which applies it through
/// <see cref="ApplyApprovedAsync"/> to the policy current at that time (the clauses it did not set keep their values).
/// </summary>
public sealed class PolicyUseCases(LedgerService ledger, IPolicyStore store, IAuditLog audit, TimeProvider time, DualControl dual, IPolicyBreachStore? breaches = null, INotifier? notifier = null)
{
    private const string SetAction = "policy.set";

    /// <summary>How many days of recorded breaches <see cref="BreachesAsync"/> lists (90).</summary>
    public const int RecordedDays = 90;

    private static readonly JsonSerializerOptions PayloadJson = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The organisation's current policy (version 0: the platform default).</summary>
    public async Task<PolicyVersion> ShowAsync(Caller caller, Guid organisationId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        RequireRead(caller, organisationId);
        return await CurrentAsync(organisationId, ct);
    }

    /// <summary>Every stored version, newest first.</summary>
    public async Task<IReadOnlyList<PolicyVersion>> HistoryAsync(Caller caller, Guid organisationId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        RequireRead(caller, organisationId);
        return await store.HistoryAsync(organisationId, ct);
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the current policy (clauses it does not set keep their values), validates the
    /// result (<see cref="Outcome.InvalidPolicy"/>, naming clause and line). An admin (the operator acting for the
    /// platform) stores it as a new version at once (audited <c>policy.set</c>); a treasurer or approver of the
    /// organisation gets it stored as awaiting a second approval (audited <c>approval.request</c>, notified
    /// <c>second_approval_needed</c>); a viewer may not.
    /// </summary>
    public async Task<PolicyChangeOutcome> ProposeChangeAsync(Caller caller, Guid organisationId, PolicyChange change, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(change);
        var subject = organisationId.ToString();
        try
        {
            RoleRules.RequireApprover(caller, SetAction);
            if (caller.Role != Role.Admin && caller.OrganisationId != organisationId)
            {
                throw new DomainException(Outcome.OrganisationNotFound, $"no organisation with id {organisationId}");
            }

            var current = await CurrentAsync(organisationId, ct);
            Validate(change, change.ApplyTo(current.Policy));
            if (caller.Role != Role.Admin)
            {
                var payload = JsonSerializer.Serialize(new PolicyChangePayload(current.Version, Clauses(change)), PayloadJson);
                var summary = $"policy change ({string.Join(", ", change.Clauses)})";
                return new PolicyChangeOutcome(null, await dual.RequestAsync(caller, ApprovalKind.PolicyChange, organisationId, 0m, summary, payload, null, ct));
            }

            var version = await StoreAsync(organisationId, current, change, caller.Actor, ct);
            await AuditTrail.DoneAsync(audit, caller, SetAction, subject, SetDetail(version, current, change), ct);
            return new PolicyChangeOutcome(version, null);
        }
        catch (DomainException ex)
        {
            throw await AuditTrail.RefusedAsync(audit, caller, SetAction, subject, ex, new Dictionary<string, object?>(StringComparer.Ordinal) { ["clauses"] = change.Clauses }, ct);
        }
    }

    /// <summary>
    /// The second approval of a member's policy change (called by <see cref="ApprovalUseCases"/> once the approver is
    /// checked): applies the requested clauses to the policy current now, validates, stores the new version (author: the
    /// requester and the approver) and audits <c>policy.set</c> under the approver with the approval's id. Returns the
    /// result kept with the approval; a refusal (<c>invalid_policy</c>, <c>policy_conflict</c>) leaves it awaiting.
    /// </summary>
    public async Task<string> ApplyApprovedAsync(Caller approver, PendingApproval approval, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(approver);
        ArgumentNullException.ThrowIfNull(approval);
        var payload = JsonSerializer.Deserialize<PolicyChangePayload>(approval.Payload, PayloadJson)
                      ?? throw new InvalidOperationException($"approval {approval.Id}: empty policy change");
        var change = payload.Clauses.ToChange("approval " + approval.Id);
        var subject = approval.OrganisationId.ToString();
        try
        {
            var current = await CurrentAsync(approval.OrganisationId, ct);
            Validate(change, change.ApplyTo(current.Policy));
            var version = await StoreAsync(approval.OrganisationId, current, change, $"{approval.RequestedBy}; second approval {approver.Actor}", ct);
            var detail = SetDetail(version, current, change);
            detail["approval_id"] = approval.Id.ToString();
            detail["requested_by"] = approval.RequestedBy;
            detail["requested_at_version"] = payload.FromVersion;
            await AuditTrail.DoneAsync(audit, approver, SetAction, subject, detail, ct);
            return string.Create(CultureInfo.InvariantCulture, $"policy version {version.Version} set ({string.Join(", ", change.Clauses)})");
        }
        catch (DomainException ex)
        {
            throw await AuditTrail.RefusedAsync(audit, approver, SetAction, subject, ex, new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["clauses"] = change.Clauses,
                ["approval_id"] = approval.Id.ToString(),
            }, ct);
        }
    }

    private static void Validate(PolicyChange change, InvestmentPolicy next)
    {
        var problems = next.Problems(change.Lines);
        if (problems.Count > 0)
        {
            throw new DomainException(Outcome.InvalidPolicy, Describe(change.Source, problems)) { Field = problems[0].Clause };
        }
    }

    private async Task<PolicyVersion> StoreAsync(Guid organisationId, PolicyVersion current, PolicyChange change, string author, CancellationToken ct)
    {
        var version = new PolicyVersion(organisationId, current.Version + 1, change.ApplyTo(current.Policy), author, time.GetUtcNow());
        if (!await store.TryAddAsync(version, ct))
        {
            throw new DomainException(Outcome.PolicyConflict, $"the policy changed meanwhile (version {version.Version} exists): read it and try again");
        }

        return version;
    }

    private static Dictionary<string, object?> SetDetail(PolicyVersion version, PolicyVersion current, PolicyChange change) => new(StringComparer.Ordinal)
    {
        ["version"] = version.Version,
        ["from_version"] = current.Version,
        ["clauses"] = change.Clauses,
        ["source"] = change.Source,
    };

    /// <summary>Only the clauses <paramref name="change"/> sets, as JSON carries them.</summary>
    private static PolicyDocument Clauses(PolicyChange change) => new()
    {
        MaxVolatileShare = change.MaxVolatileShare,
        MaxTokenWeight = change.MaxTokenWeight,
        AllowedStrategies = change.AllowedStrategies,
        ExcludedStrategies = change.ExcludedStrategies,
        MinTokens = change.MinTokens,
        LiquidityReserveMonths = change.LiquidityReserveMonths,
        MonthlyExpenses = change.MonthlyExpenses,
        MaxDrawdownTolerance = change.MaxDrawdownTolerance,
        Benchmark = change.Benchmark is { } b ? PolicyText.Of(b) : null,
        DualControlThreshold = change.DualControlThreshold,
        RebalanceFrequency = change.RebalanceFrequency is { } f ? PolicyText.Of(f) : null,
    };

    /// <summary>The stored request of a policy change: the version it was asked against and the clauses it sets.</summary>
    private sealed record PolicyChangePayload(int FromVersion, PolicyDocument Clauses);

    /// <summary>The clauses the organisation's current holdings break (after market moves), each with a suggested remedy.</summary>
    public async Task<PolicyReview> BreachesAsync(Caller caller, Guid organisationId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        RequireRead(caller, organisationId);
        var current = await CurrentAsync(organisationId, ct);
        var holdings = Holdings(organisationId);
        var today = ledger.BusinessClock?.Today ?? DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        IReadOnlyList<RecordedBreach> recorded = breaches is null ? [] : await breaches.ListAsync(organisationId, today.AddDays(-RecordedDays), today, ct);
        return new PolicyReview(current, holdings, PolicyCheck.Breaches(current.Policy, holdings))
        {
            Recorded = [.. recorded.OrderByDescending(r => r.AsOf).ThenBy(r => r.Breach.Clause, StringComparer.Ordinal)],
        };
    }

    /// <summary>The clause buying <paramref name="amount"/> USD of <paramref name="symbol"/> would break for the organisation, or null (unknown tokens pass: the desk refuses them).</summary>
    public async Task<PolicyBreach?> CheckBuyAsync(Guid organisationId, string symbol, decimal amount, CancellationToken ct)
    {
        if (ledger.GetToken(symbol) is not { } token)
        {
            return null;
        }

        var current = await CurrentAsync(organisationId, ct);
        return PolicyCheck.CheckBuy(current.Policy, Holdings(organisationId), token.Token.Symbol, token.Token.StrategyId, amount);
    }

    /// <summary>
    /// The daily breach scan (after the NAV step moved the prices): every organisation with a policy of its own has its
    /// holdings measured against it on <paramref name="asOf"/>; each breach is recorded once per day, clause and token
    /// (the board report's breach section) and notified (<c>policy_breach</c>) the first day it appears, not again while it
    /// lasts. Returns how many breaches were found.
    /// </summary>
    public async Task<int> RecordBreachesAsync(DateOnly asOf, CancellationToken ct)
    {
        if (breaches is null)
        {
            return 0;
        }

        var found = 0;
        var orgs = ledger.ListWallets().Select(w => Guid.TryParse(w.Organisation, out var id) ? id : Guid.Empty)
            .Where(id => id != Guid.Empty).Distinct().Order().ToList();
        foreach (var org in orgs)
        {
            var current = await CurrentAsync(org, ct);
            if (current.IsDefault)
            {
                continue;
            }

            var list = PolicyCheck.Breaches(current.Policy, Holdings(org));
            IReadOnlyList<RecordedBreach> yesterday = list.Count == 0 ? [] : await breaches.ListAsync(org, asOf.AddDays(-1), asOf.AddDays(-1), ct);
            foreach (var b in list)
            {
                found++;
                var recorded = await breaches.TryRecordAsync(new RecordedBreach(org, asOf, current.Version, b), ct);
                var lasting = yesterday.Any(y => y.Breach.Clause == b.Clause && y.Breach.Symbol == b.Symbol);
                if (recorded && !lasting && notifier is not null)
                {
                    await notifier.NotifyAsync(new Notification("policy_breach", b.Symbol ?? b.Clause,
                        string.Create(CultureInfo.InvariantCulture, $"{b.Message}. Suggested remedy: {b.Remedy}."), time.GetUtcNow(), org), ct);
                }
            }
        }

        return found;
    }

    /// <summary>The breaches recorded for the organisation from <paramref name="from"/> to <paramref name="to"/> (the board report's section), oldest first.</summary>
    public async Task<IReadOnlyList<RecordedBreach>> RecordedBreachesAsync(Guid organisationId, DateOnly from, DateOnly to, CancellationToken ct) =>
        breaches is null ? [] : await breaches.ListAsync(organisationId, from, to, ct);

    /// <summary>The policy in force for the organisation, for Core's own checks (no caller: the optimizer, plans, jobs); version 0 is the platform default.</summary>
    public Task<PolicyVersion> InForceAsync(Guid organisationId, CancellationToken ct) => CurrentAsync(organisationId, ct);

    /// <summary>
    /// The IPS limits an optimizer run solves a wallet of the organisation inside (<see cref="PolicyLimits.None"/> under the
    /// platform default): the policy in force over the organisation's current holdings and every token's strategy.
    /// </summary>
    public async Task<PolicyLimits> LimitsAsync(Guid organisationId, CancellationToken ct)
    {
        var current = await CurrentAsync(organisationId, ct);
        if (current.IsDefault)
        {
            return PolicyLimits.None;
        }

        var strategies = ledger.ListTokens().ToDictionary(t => t.Token.Symbol, t => t.Token.StrategyId, StringComparer.Ordinal);
        return PolicyLimits.For(current.Policy, Holdings(organisationId), strategies, current.Version);
    }

    /// <summary>
    /// Fits a plan of the organisation inside its policy before it executes (<see cref="PolicyCheck.FitPlan"/>): buys the
    /// policy leaves no room for are cut or dropped, naming the clause. Under the platform default nothing is cut.
    /// </summary>
    public async Task<PolicyPlanFit> FitPlanAsync(Guid organisationId, IReadOnlyList<PolicyPlanLine> lines, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var current = await CurrentAsync(organisationId, ct);
        return current.IsDefault || lines.All(l => l.Side == OrderSide.Sell)
            ? new PolicyPlanFit([.. lines.Select(l => l.Usd)], [])
            : PolicyCheck.FitPlan(current.Policy, Holdings(organisationId), lines);
    }

    /// <summary>The organisation's holdings: cash of all its wallets, each token at its NAV summed over wallets.</summary>
    public PolicyHoldings Holdings(Guid organisationId)
    {
        var org = organisationId.ToString();
        var cash = 0m;
        var values = new Dictionary<string, (string Strategy, decimal Value)>(StringComparer.Ordinal);
        foreach (var w in ledger.ListWallets().Where(w => string.Equals(w.Organisation, org, StringComparison.OrdinalIgnoreCase)))
        {
            if (ledger.GetWallet(w.Address) is not { } view)
            {
                continue;
            }

            cash += view.Cash.Amount;
            foreach (var line in WalletValuation.Lines(view, s => ledger.GetToken(s)?.NavPerShare).Where(l => l.Holding.Shares.Value > 0m))
            {
                var symbol = line.Holding.Symbol;
                var strategy = ledger.GetToken(symbol)?.Token.StrategyId ?? "";
                values[symbol] = (strategy, (values.TryGetValue(symbol, out var v) ? v.Value : 0m) + line.Value);
            }
        }

        return new PolicyHoldings(cash, [.. values.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => new PolicyHoldings.Position(kv.Key, kv.Value.Strategy, kv.Value.Value))]);
    }

    private async Task<PolicyVersion> CurrentAsync(Guid organisationId, CancellationToken ct) =>
        await store.CurrentAsync(organisationId, ct) ?? new PolicyVersion(organisationId, 0, InvestmentPolicy.Default, "platform default", DateTimeOffset.UnixEpoch);

    private static void RequireRead(Caller caller, Guid organisationId)
    {
        if (!caller.CanRead(organisationId))
        {
            throw new DomainException(Outcome.OrganisationNotFound, $"no organisation with id {organisationId}");
        }
    }

    /// <summary>Every problem on its own line, <c>source:line: clause: message</c> (the line when the clause came from a file).</summary>
    public static string Describe(string source, IReadOnlyList<PolicyProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        return string.Join('\n', problems.Select(p => p.Line is { } line
            ? string.Create(CultureInfo.InvariantCulture, $"{source}:{line}: {p.Clause}: {p.Message}")
            : $"{source}: {p.Clause}: {p.Message}"));
    }
}
