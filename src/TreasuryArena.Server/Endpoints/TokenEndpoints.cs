using Microsoft.AspNetCore.Http.HttpResults;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Application;
using TreasuryArena.Core.Compliance;
using TreasuryArena.Infrastructure.Storage;
using TreasuryArena.Server.Auth;
using TreasuryArena.Server.Contracts;
using TreasuryArena.Server.Http;

namespace TreasuryArena.Server.Endpoints;

/// <summary>Tokens: list, info, and the two trades (through <see cref="TradeUseCases"/>: the plan's token limit, then the compliance gate by way of <see cref="TradeDesk"/>).</summary>
public static class TokenEndpoints
{
    public static IEndpointRouteBuilder MapTokenEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/tokens").WithTags("Tokens").RequireAuthorization(ApiKeyDefaults.MemberPolicy);
        group.MapGet("/list", List).Produces<List<TokenSummaryResponse>>(StatusCodes.Status200OK, "application/json").Produces(StatusCodes.Status304NotModified);
        group.MapGet("/{symbol}/info", Info).Produces<TokenResponse>(StatusCodes.Status200OK, "application/json").Produces(StatusCodes.Status304NotModified);
        group.MapPost("/buy", Buy).RequireAuthorization(WalletAccess.OrganisationMember);
        group.MapPost("/sell", Sell).RequireAuthorization(WalletAccess.OrganisationMember);
        return app;
    }

    /// <summary>
    /// Every token's summary (figures, 90-day metrics, 1- and 30-day change, weekly sparkline); the body is served from
    /// <see cref="TokenListCache"/> until the ledger or the NAV rows change, with an ETag (<c>If-None-Match</c> → 304).
    /// </summary>
    public static ValueTask<CachedJson> List(TokenListCache cache, CancellationToken ct) => cache.GetAsync(ct);

    /// <summary>
    /// A token's summary plus every stored NAV point, its lifecycle and metrics; served from <see cref="TokenListCache"/>
    /// like the list (ETag, <c>If-None-Match</c> → 304).
    /// </summary>
    public static async Task<Results<CachedJson, ProblemHttpResult>> Info(string symbol, TokenListCache cache, CancellationToken ct) =>
        await cache.GetInfoAsync(symbol.ToUpperInvariant(), ct) is { } body
            ? body
            : Problems.For(Outcome.UnknownToken, $"no token with symbol '{symbol}'");

    public static Task<Results<Ok<TradeResponse>, Accepted<HeldTradeResponse>, Accepted<ApprovalResponse>, ProblemHttpResult>> Buy(BuyRequest request, HttpContext http, TradeUseCases trades) =>
        TradeAsync(request.Address, request.Symbol, OrderSide.Buy, request.Amount, http, trades);

    public static Task<Results<Ok<TradeResponse>, Accepted<HeldTradeResponse>, Accepted<ApprovalResponse>, ProblemHttpResult>> Sell(SellRequest request, HttpContext http, TradeUseCases trades) =>
        TradeAsync(request.Address, request.Symbol, OrderSide.Sell, request.Shares, http, trades);

    private static async Task<Results<Ok<TradeResponse>, Accepted<HeldTradeResponse>, Accepted<ApprovalResponse>, ProblemHttpResult>> TradeAsync(
        string address, string symbol, OrderSide side, decimal amount, HttpContext http, TradeUseCases trades)
    {
        var caller = http.Caller();
        var order = new TradeOrder(caller, address, symbol.Trim().ToUpperInvariant(), side, amount, WalletAccess.LedgerKey(http, caller), TradeSource.Api);
        return ToResult(await trades.ExecuteAsync(order, http.RequestAborted), side, http);
    }

    /// <summary>The response header carrying a trade's warnings (one value per warning).</summary>
    public const string ComplianceWarningHeader = "X-Compliance-Warning";

    internal static Results<Ok<TradeResponse>, Accepted<HeldTradeResponse>, Accepted<ApprovalResponse>, ProblemHttpResult> ToResult(TradeOutcome outcome, OrderSide side, HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.Warnings.Count > 0)
        {
            // e.g. an overdue compliance review (Compliance:RefuseTradingWhenReviewOverdue off): the trade runs, warned
            http.Response.Headers[ComplianceWarningHeader] = outcome.Warnings.ToArray();
        }

        switch (outcome)
        {
            case TradeOutcome.Executed e:
                return TypedResults.Ok(TradeResponse.From(e.Result));
            case TradeOutcome.Held h:
                http.Items[RefusalAuditMiddleware.AlreadyAuditedItem] = true;
                return TypedResults.Accepted($"/api/holds/{h.Trade.Id}", new HeldTradeResponse("held", h.Trade.Id, h.Trade.Reasons));
            case TradeOutcome.AwaitingApproval a:
                return TypedResults.Accepted($"/api/approvals/{a.Approval.Id}", ApprovalResponse.From(a.Approval));
            case TradeOutcome.Refused r:
                var field = r.Field ?? (r.Outcome == Outcome.UnknownToken ? "symbol" : null);
                if (r.Outcome is Outcome.PlanLimit or Outcome.RoleForbidden or Outcome.ComplianceReviewOverdue)
                {
                    // refused and audited by the use case (trade.buy / trade.sell)
                    http.Items[RefusalAuditMiddleware.AlreadyAuditedItem] = true;
                }

                if (r.Outcome is Outcome.PlatformHalted or Outcome.OrganisationNotVerified or Outcome.AttestationRequired or Outcome.NoRiskDisclosure)
                {
                    http.Items[RefusalAuditMiddleware.AlreadyAuditedItem] = true;
                    return Problems.For(r.Outcome, r.Message);
                }

                return r.Outcome switch
                {
                    Outcome.WalletNotFound => Problems.For(r.Outcome, r.Message),
                    Outcome.InvalidAmount => Problems.BadField(field ?? (side == OrderSide.Buy ? "amount" : "shares"), r.Message, r.Outcome),
                    _ => Problems.For(r.Outcome, r.Message, field),
                };
            default:
                throw new InvalidOperationException("unknown trade outcome");
        }
    }
}
