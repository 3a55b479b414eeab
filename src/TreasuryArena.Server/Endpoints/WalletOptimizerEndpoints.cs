using Microsoft.AspNetCore.Http.HttpResults;
using TreasuryArena.Core.Application;
using TreasuryArena.Core.Common;
using TreasuryArena.Infrastructure.Storage;
using TreasuryArena.Server.Auth;
using TreasuryArena.Server.Contracts;
using TreasuryArena.Server.Http;

namespace TreasuryArena.Server.Endpoints;

/// <summary>The wallet optimizer (tokens area): suggestion, rebalance now, HYBRID proposals (list, approve, reject), value history.</summary>
public static class WalletOptimizerEndpoints
{
    private const int MaxHistoryDays = 2000;

    public static IEndpointRouteBuilder MapWalletOptimizerEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/wallet").WithTags("Wallets: optimizer").RequireAuthorization(ApiKeyDefaults.MemberPolicy);
        group.MapGet("/{address}/suggested", Suggested);
        group.MapPost("/rebalance", Rebalance).RequireAuthorization(ApiKeyDefaults.TreasurerPolicy);
        group.MapGet("/{address}/proposals", Proposals);
        group.MapGet("/{address}/history", History);
        group.MapPost("/proposals/{id:guid}/approve", Approve).RequireAuthorization(ApiKeyDefaults.TreasurerPolicy);
        group.MapPost("/proposals/{id:guid}/reject", Reject).RequireAuthorization(ApiKeyDefaults.TreasurerPolicy);
        return app;
    }

    public static async Task<Results<Ok<WalletRunResponse>, ProblemHttpResult>> Suggested(string address, HttpContext http, TokensRuntime tokens)
    {
        var view = WalletAccess.Find(tokens.Ledger, http.Caller(), address);
        if (view is null)
        {
            return Problems.For(Outcome.WalletNotFound, $"no wallet {address} in your organisation");
        }

        var rebalancer = await tokens.RebalancerAsync(null, http.RequestAborted);
        return TypedResults.Ok(WalletRunResponse.From(await rebalancer.SuggestAsync(view.Wallet.Address, record: false, http.RequestAborted)));
    }

    public static async Task<Results<Ok<WalletRunResponse>, ProblemHttpResult>> Rebalance(RebalanceRequest request, HttpContext http, TokensRuntime tokens)
    {
        var view = WalletAccess.Find(tokens.Ledger, http.Caller(), request.Address);
        if (view is null)
        {
            return Problems.For(Outcome.WalletNotFound, $"no wallet {request.Address} in your organisation");
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
            return Problems.For(Outcome.WalletNotFound, $"no wallet {address} in your organisation");
        }

        var proposals = await tokens.Allocations.ProposalsAsync(view.Wallet.Address, null, http.RequestAborted);
        return TypedResults.Ok(proposals.Select(ProposalResponse.From).ToList());
    }

    /// <summary>
    /// The wallet's value over time as the optimizer recorded it (one point per day it looked, the latest look of the
    /// day), oldest first; <paramref name="limit"/> (1..2000, default 365) caps the number of days.
    /// </summary>
    public static async Task<Results<Ok<List<WalletHistoryPointResponse>>, ProblemHttpResult>> History(string address, string? limit, HttpContext http, TokensRuntime tokens)
    {
        if (QueryParams.Limit(limit, 365, MaxHistoryDays, out var days) is { } badLimit)
        {
            return badLimit;
        }

        var view = WalletAccess.Find(tokens.Ledger, http.Caller(), address);
        if (view is null)
        {
            return Problems.For(Outcome.WalletNotFound, $"no wallet {address} in your organisation");
        }

        // Snapshots come newest first; several a day (runs, recorded suggestions) collapse into the latest.
        var snapshots = await tokens.Allocations.SnapshotsAsync(view.Wallet.Address, MaxHistoryDays * 4, http.RequestAborted);
        var points = snapshots
            .GroupBy(x => x.AsOf)
            .Select(g => g.First())
            .OrderByDescending(x => x.AsOf)
            .Take(days)
            .OrderBy(x => x.AsOf)
            .Select(x => new WalletHistoryPointResponse(x.AsOf, x.Value, x.Action, x.Mode, x.CreatedAt))
            .ToList();
        return TypedResults.Ok(points);
    }

    public static Task<Results<Ok<WalletRunResponse>, Accepted<ApprovalResponse>, ProblemHttpResult>> Approve(Guid id, ProposalDecisionRequest? request, HttpContext http, TokensRuntime tokens) =>
        DecideAsync(id, approve: true, request?.Note, http, tokens);

    public static Task<Results<Ok<WalletRunResponse>, Accepted<ApprovalResponse>, ProblemHttpResult>> Reject(Guid id, ProposalDecisionRequest? request, HttpContext http, TokensRuntime tokens) =>
        DecideAsync(id, approve: false, request?.Note, http, tokens);

    /// <summary>The decision through <see cref="ProposalUseCases.DecideAsync"/> (the CLI's call too; audited).</summary>
    /// <summary>An approval above the organisation's dual-control threshold answers 202 with the approval awaiting a second member.</summary>
    private static async Task<Results<Ok<WalletRunResponse>, Accepted<ApprovalResponse>, ProblemHttpResult>> DecideAsync(Guid id, bool approve, string? note, HttpContext http, TokensRuntime tokens)
    {
        try
        {
            var run = await tokens.Proposals.DecideAsync(http.Caller(), new ProposalDecision(id, approve, note), http.RequestAborted);
            return run.Pending is { } pending
                ? TypedResults.Accepted($"/api/approvals/{pending.Id}", ApprovalResponse.From(pending))
                : TypedResults.Ok(WalletRunResponse.From(run));
        }
        catch (DomainException ex)
        {
            return UseCaseProblems.From(http, ex);
        }
    }
}
