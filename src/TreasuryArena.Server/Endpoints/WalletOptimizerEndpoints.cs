using Microsoft.AspNetCore.Http.HttpResults;
using TreasuryArena.Core.Common;
using TreasuryArena.Infrastructure.Storage;
using TreasuryArena.Server.Auth;
using TreasuryArena.Server.Contracts;
using TreasuryArena.Server.Http;

namespace TreasuryArena.Server.Endpoints;

/// <summary>The wallet optimizer (tokens area): suggestion, rebalance now, HYBRID proposals (list, approve, reject).</summary>
public static class WalletOptimizerEndpoints
{
    public static IEndpointRouteBuilder MapWalletOptimizerEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/wallet").WithTags("Wallets: optimizer").RequireAuthorization(ApiKeyDefaults.MemberPolicy);
        group.MapGet("/{address}/suggested", Suggested);
        group.MapPost("/rebalance", Rebalance).RequireAuthorization(ApiKeyDefaults.TreasurerPolicy);
        group.MapGet("/{address}/proposals", Proposals);
        group.MapPost("/proposals/{id:guid}/approve", Approve).RequireAuthorization(ApiKeyDefaults.TreasurerPolicy);
        group.MapPost("/proposals/{id:guid}/reject", Reject).RequireAuthorization(ApiKeyDefaults.TreasurerPolicy);
        return app;
    }

    public static async Task<Results<Ok<WalletRunResponse>, ProblemHttpResult>> Suggested(string address, HttpContext http, TokensRuntime tokens)
    {
        var view = WalletAccess.Find(tokens.Ledger, http.Caller(), address);
        if (view is null)
        {
            return Problems.NotFound("wallet_not_found", $"no wallet {address} in your organisation");
        }

        var rebalancer = await tokens.RebalancerAsync(null, http.RequestAborted);
        return TypedResults.Ok(WalletRunResponse.From(await rebalancer.SuggestAsync(view.Wallet.Address, http.RequestAborted)));
    }

    public static async Task<Results<Ok<WalletRunResponse>, ProblemHttpResult>> Rebalance(RebalanceRequest request, HttpContext http, TokensRuntime tokens)
    {
        var view = WalletAccess.Find(tokens.Ledger, http.Caller(), request.Address);
        if (view is null)
        {
            return Problems.NotFound("wallet_not_found", $"no wallet {request.Address} in your organisation");
        }

        var rebalancer = await tokens.RebalancerAsync(null, http.RequestAborted);
        var results = await rebalancer.RebalanceAsync([view.Wallet.Address], request.DryRun, null, http.RequestAborted);
        return TypedResults.Ok(WalletRunResponse.From(results[0]));
    }

    public static async Task<Results<Ok<List<ProposalResponse>>, ProblemHttpResult>> Proposals(string address, HttpContext http, TokensRuntime tokens)
    {
        var view = WalletAccess.Find(tokens.Ledger, http.Caller(), address);
        if (view is null)
        {
            return Problems.NotFound("wallet_not_found", $"no wallet {address} in your organisation");
        }

        var proposals = await tokens.Allocations.ProposalsAsync(view.Wallet.Address, null, http.RequestAborted);
        return TypedResults.Ok(proposals.Select(ProposalResponse.From).ToList());
    }

    public static Task<Results<Ok<WalletRunResponse>, ProblemHttpResult>> Approve(Guid id, ProposalDecisionRequest? request, HttpContext http, TokensRuntime tokens) =>
        DecideAsync(id, approve: true, request?.Note, http, tokens);

    public static Task<Results<Ok<WalletRunResponse>, ProblemHttpResult>> Reject(Guid id, ProposalDecisionRequest? request, HttpContext http, TokensRuntime tokens) =>
        DecideAsync(id, approve: false, request?.Note, http, tokens);

    private static async Task<Results<Ok<WalletRunResponse>, ProblemHttpResult>> DecideAsync(Guid id, bool approve, string? note, HttpContext http, TokensRuntime tokens)
    {
        var caller = http.Caller();
        var proposal = await tokens.Allocations.FindProposalAsync(id, http.RequestAborted);
        if (proposal is null || WalletAccess.Find(tokens.Ledger, caller, proposal.WalletAddress) is null)
        {
            return Problems.NotFound("proposal_not_found", $"no proposal {id} for your organisation");
        }

        var rebalancer = await tokens.RebalancerAsync(null, http.RequestAborted);
        try
        {
            return TypedResults.Ok(WalletRunResponse.From(await rebalancer.DecideProposalAsync(id, approve, caller.Actor, note, http.RequestAborted)));
        }
        catch (DomainException ex)
        {
            return Problems.Of(StatusCodes.Status409Conflict, ex.Code, ex.Message);
        }
    }
}
