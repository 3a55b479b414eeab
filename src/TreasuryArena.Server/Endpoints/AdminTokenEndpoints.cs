using Microsoft.AspNetCore.Http.HttpResults;
using TreasuryArena.Core.Application;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Compliance;
using TreasuryArena.Core.Fees;
using TreasuryArena.Core.Nav;
using TreasuryArena.Core.Tokens;
using TreasuryArena.Infrastructure.Reports;
using TreasuryArena.Infrastructure.Storage;
using TreasuryArena.Server.Auth;
using TreasuryArena.Server.Contracts;
using TreasuryArena.Server.Http;

namespace TreasuryArena.Server.Endpoints;

/// <summary>Admin: token lifecycle (create, activate, pause, hold, resume, retire), held-trade release, revenue report.</summary>
public static class AdminTokenEndpoints
{
    public static IEndpointRouteBuilder MapAdminTokenEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin").WithTags("Admin: tokens and trading").RequireAuthorization(ApiKeyDefaults.AdminPolicy);
        group.MapPost("/tokens", CreateToken);
        group.MapPost("/tokens/{symbol}/activate", Activate);
        group.MapPost("/tokens/{symbol}/pause", Pause);
        group.MapPost("/tokens/{symbol}/resume", Resume);
        group.MapPost("/tokens/{symbol}/hold", Hold);
        group.MapPost("/tokens/{symbol}/retire", Retire);
        group.MapPost("/holds/{id:guid}/release", ReleaseHold);
        group.MapGet("/revenue", Revenue);
        return app;
    }

    public static async Task<Results<Created<TokenResponse>, ProblemHttpResult>> CreateToken(CreateTokenRequest request, HttpContext http, [AsParameters] LedgerServices s, TokensRuntime tokens)
    {
        var caller = http.Caller();
        var symbol = request.Symbol.Trim().ToUpperInvariant();
        var nav = request.InitialNav ?? 1m;
        if (nav <= 0m || nav > AmountRules.MaxUnitPrice || !RoundingPolicy.FitsScale(nav, UnitPrice.Scale))
        {
            return Problems.BadField("initial_nav", "initial_nav must be positive, at most 1e9, with at most 8 decimals", Outcome.InvalidAmount);
        }

        if (FeeSchedule.ParseHurdle(request.Hurdle ?? "none") is not { } hurdle)
        {
            return Problems.BadField("hurdle", "hurdle must be `none` or `tbill`", Outcome.InvalidHurdle);
        }

        TokenIssue issue;
        try
        {
            issue = await tokens.Tokens.IssueAsync(caller, new TokenIssueOrder(request.Strategy, symbol, request.Parameters, request.Inception, request.Name, nav, hurdle), http.RequestAborted);
        }
        catch (DomainException ex)
        {
            var field = ex.Outcome switch
            {
                Outcome.UnknownStrategy => "strategy",
                Outcome.BadParameter => "parameters",
                Outcome.BadInception or Outcome.BeforeInception => "inception",
                Outcome.InvalidSymbol or Outcome.TokenExists => "symbol",
                _ => null,
            };
            return UseCaseProblems.From(http, ex, field);
        }

        return TypedResults.Created($"/api/tokens/{issue.Symbol}/info", TokenResponse.From(s.Ledger.GetToken(issue.Symbol)!));
    }

    /// <summary>
    /// Activates a token. From proving this is an admin override of the proving gates (the daily NAV job promotes a
    /// token on its own once they are met), so it is audited as <c>token.activate_override</c> with the reason.
    /// </summary>
    public static Task<Results<Ok<TokenResponse>, ProblemHttpResult>> Activate(string symbol, TokenStatusRequest? request, HttpContext http, [AsParameters] LedgerServices s, TokensRuntime tokens) =>
        ChangeAsync(symbol, TokenLifecycleAction.Activate, request?.Reason, http, s, tokens);

    public static Task<Results<Ok<TokenResponse>, ProblemHttpResult>> Pause(string symbol, TokenStatusRequest? request, HttpContext http, [AsParameters] LedgerServices s, TokensRuntime tokens) =>
        ChangeAsync(symbol, TokenLifecycleAction.Pause, request?.Reason, http, s, tokens);

    public static Task<Results<Ok<TokenResponse>, ProblemHttpResult>> Resume(string symbol, TokenStatusRequest? request, HttpContext http, [AsParameters] LedgerServices s, TokensRuntime tokens) =>
        ChangeAsync(symbol, TokenLifecycleAction.Resume, request?.Reason, http, s, tokens);

    /// <summary>
    /// Keeps a paused token paused: the breaker's automatic review stops until an admin resumes it (a paused → paused
    /// lifecycle event; audited as <c>token.hold</c>).
    /// </summary>
    public static Task<Results<Ok<TokenResponse>, ProblemHttpResult>> Hold(string symbol, TokenStatusRequest? request, HttpContext http, [AsParameters] LedgerServices s, TokensRuntime tokens) =>
        ChangeAsync(symbol, TokenLifecycleAction.Hold, request?.Reason, http, s, tokens);

    /// <summary>Retires a token: buys and NAV steps stop and every holder is settled at NAV (as <c>arena tokens retire</c>).</summary>
    public static Task<Results<Ok<TokenResponse>, ProblemHttpResult>> Retire(string symbol, TokenStatusRequest? request, HttpContext http, [AsParameters] LedgerServices s, TokensRuntime tokens) =>
        ChangeAsync(symbol, TokenLifecycleAction.Retire, request?.Reason, http, s, tokens);

    /// <summary>
    /// Releases a held trade or a held rebalance plan through <see cref="HoldUseCases.ReleaseAsync"/> (the CLI's call too; audited <c>hold.release</c>): a single trade
    /// executes with monitoring waived; a plan executes whole, re-checked against current NAVs and the cap, or not at all
    /// (200 with the hold and its executions). An expired hold cannot be released (409 <c>hold_expired</c>).
    /// </summary>
    public static async Task<Results<Ok<TradeResponse>, Accepted<HeldTradeResponse>, Ok<HoldResponse>, ProblemHttpResult>> ReleaseHold(Guid id, HttpContext http, TokensRuntime tokens)
    {
        HoldDecision decision;
        try
        {
            decision = await tokens.HoldDecisions.ReleaseAsync(http.Caller(), id, http.RequestAborted);
        }
        catch (DomainException ex)
        {
            return UseCaseProblems.From(http, ex);
        }

        if (decision.Trade is null)
        {
            return TypedResults.Ok(HoldResponse.From(decision.Hold, tokens.HoldDecisions.Lifetime, decision.PlanExecutions));
        }

        return TokenEndpoints.ToResult(decision.Trade, decision.Hold.Side, http) switch
        {
            { Result: Ok<TradeResponse> ok } => ok,
            { Result: Accepted<HeldTradeResponse> accepted } => accepted,
            { Result: ProblemHttpResult problem } => problem,
            _ => Problems.For(Outcome.UnexpectedOutcome, "the release returned an unexpected outcome"),
        };
    }

    public static async Task<Ok<RevenueResponse>> Revenue([AsParameters] LedgerServices s, TokensRuntime tokens, CancellationToken ct)
    {
        var byType = await LedgerRevenue.ByFeeTypeAsync(tokens.Database.CreateLedgerJournal(), null, null, ct);
        return TypedResults.Ok(RevenueResponse.From(s.Ledger) with { ByFeeType = RevenueByFeeTypeResponse.From(byType) });
    }

    /// <summary>
    /// A lifecycle change through <see cref="TokenUseCases.ChangeStatusAsync"/>, the CLI's call too: the event is recorded
    /// in the token's lifecycle, a resume restarts the drawdown breaker's peak from the resume date, a retire settles every
    /// holder, and the change (or the refusal) is audited.
    /// </summary>
    private static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> ChangeAsync(
        string symbol, TokenLifecycleAction action, string? reason, HttpContext http, LedgerServices s, TokensRuntime tokens)
    {
        try
        {
            var changed = await tokens.Tokens.ChangeStatusAsync(http.Caller(), new TokenStatusChange(symbol, action, reason), http.RequestAborted);
            return TypedResults.Ok(TokenResponse.From(s.Ledger.GetToken(changed.Event.Symbol)!));
        }
        catch (DomainException ex)
        {
return UseCaseProblems.From(http, ex);
        }
    }
}
