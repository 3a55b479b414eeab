using System.Globalization;
using TreasuryArena.Core.Audit;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Fees;
using TreasuryArena.Core.Identity;
using TreasuryArena.Core.Ledger;
using TreasuryArena.Core.Nav;
using TreasuryArena.Core.Tokens;

namespace TreasuryArena.Core.Application;

/// <summary>
/// The token use cases of an admin or operator, the same from the API and the CLI: issue a token (<c>token.create</c>)
/// and change its lifecycle through the NAV engine (<c>token.activate</c>, <c>token.activate_override</c> from proving,
/// <c>token.pause</c>, <c>token.resume</c>, <c>token.hold</c>, <c>token.retire</c> — a resume restarts the breaker's
/// peak, a retire settles every holder). Every change and every refusal is audited under its action.
/// Refusal codes: <c>unknown_token</c>, <c>token_not_paused</c>, <c>illegal_transition</c>, <c>settlement_failed</c>,
/// and the issuer's (<c>unknown_strategy</c>, <c>bad_parameter</c>, <c>bad_inception</c>, <c>before_inception</c>,
/// <c>invalid_symbol</c>, <c>token_exists</c>).
/// </summary>
public sealed class TokenUseCases(LedgerService ledger, TokenIssuer issuer, NavEngine nav, IAuditLog audit)
{
    public const string IssueAction = "token.create";

    public async Task<TokenIssue> IssueAsync(Caller actor, TokenIssueOrder request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        var symbol = request.Symbol.Trim().ToUpperInvariant();
        var nav = request.InitialNav ?? TokenIssuer.InitialNav;
        var parameters = new SortedDictionary<string, string>(
            (IDictionary<string, string>?)request.Parameters?.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal) ?? new Dictionary<string, string>(StringComparer.Ordinal),
            StringComparer.Ordinal);
        var detail = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["strategy"] = request.Strategy.Trim(),
            ["initial_nav"] = nav,
            ["parameters"] = parameters,
            ["hurdle"] = FeeSchedule.HurdleName(request.Hurdle),
        };
        TokenIssue issue;
        try
        {
            RoleRules.RequireAdmin(actor, IssueAction);
            var name = FreeText.Optional(request.Name, FreeText.TokenName);
            issue = await issuer.IssueAsync(request.Strategy.Trim(), symbol, request.Parameters, request.Inception, name, nav, request.Hurdle, ct);
        }
        catch (DomainException ex)
        {
            throw await AuditTrail.RefusedAsync(audit, actor, IssueAction, symbol, ex, detail, ct);
        }

        detail["strategy"] = issue.Strategy;
        detail["inception"] = AuditTrail.Date(issue.Inception);
        await AuditTrail.DoneAsync(audit, actor, IssueAction, issue.Symbol, detail, ct);
        return issue;
    }

    public async Task<TokenStatusChanged> ChangeStatusAsync(Caller actor, TokenStatusChange request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        var symbol = request.Symbol.Trim().ToUpperInvariant();
        var before = ledger.GetToken(symbol);
        var from = before?.Token.Status;
        var action = request.Action switch
        {
            TokenLifecycleAction.Activate when from == TokenStatus.Proving => "token.activate_override",
            TokenLifecycleAction.Activate => "token.activate",
            TokenLifecycleAction.Pause => "token.pause",
            TokenLifecycleAction.Resume => "token.resume",
            TokenLifecycleAction.Hold => "token.hold",
            TokenLifecycleAction.Retire => "token.retire",
            _ => throw new ArgumentOutOfRangeException(nameof(request), request.Action, "unknown lifecycle action"),
        };
        var reason = request.Reason ?? (action == "token.activate_override" ? "admin override" : "admin " + action["token.".Length..]);
        var detail = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["from"] = from is { } f ? AuditTrail.Lower(f) : null,
            ["reason"] = reason,
        };
        LifecycleEvent lifecycle;
        IReadOnlyList<LedgerResult> settlements = [];
        try
        {
            RoleRules.RequireAdmin(actor, action);
            reason = FreeText.Optional(reason, FreeText.Reason) ?? "admin " + action["token.".Length..];
            detail["reason"] = reason;
            if (before is null)
            {
                throw new DomainException(Outcome.UnknownToken, $"no token with symbol '{symbol}'");
            }

            if (request.Action is TokenLifecycleAction.Resume or TokenLifecycleAction.Hold && from != TokenStatus.Paused)
            {
                throw new DomainException(Outcome.TokenNotPaused, $"token {symbol} is {AuditTrail.Lower(from!.Value)}, not paused");
            }

            var asOf = await nav.LifecycleDateAsync(symbol, ct);
            detail["as_of"] = AuditTrail.Date(asOf);
            try
            {
                switch (request.Action)
                {
                    case TokenLifecycleAction.Retire:
                        (lifecycle, settlements) = await nav.RetireAsync(symbol, asOf, actor.Actor, reason, ct);
                        detail["settled_holders"] = settlements.Count;
                        detail["paid_out"] = settlements.Sum(r => r.Cash.Amount).ToString(CultureInfo.InvariantCulture);
                        break;
                    case TokenLifecycleAction.Hold:
                        lifecycle = await nav.HoldAsync(symbol, asOf, actor.Actor, reason, ct);
                        break;
                    case TokenLifecycleAction.Resume:
                        lifecycle = await nav.ResumeAsync(symbol, asOf, actor.Actor, reason, ct);
                        break;
                    default:
                        lifecycle = await nav.SetStatusAsync(symbol, request.Action == TokenLifecycleAction.Pause ? TokenStatus.Paused : TokenStatus.Active, asOf, actor.Actor, reason, ct);
                        break;
                }
            }
            catch (DomainException ex) when (ex.Outcome is Outcome.InvalidTransition or Outcome.InvalidStatus or Outcome.StatusRefused)
            {
                throw new DomainException(Outcome.IllegalTransition, ex.Message, ex);
            }
        }
        catch (DomainException ex)
        {
            throw await AuditTrail.RefusedAsync(audit, actor, action, symbol, ex, detail, ct);
        }

        if (action == "token.activate_override")
        {
            detail["gates"] = "activated before the proving gates were confirmed by the NAV engine";
        }

        await AuditTrail.DoneAsync(audit, actor, action, symbol, detail, ct);
        return new TokenStatusChanged(action, lifecycle, settlements);
    }
}
