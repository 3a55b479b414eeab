using Microsoft.AspNetCore.Http.HttpResults;
using TreasuryArena.Core.Application;
using TreasuryArena.Core.Approvals;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Identity;
using TreasuryArena.Server.Auth;
using TreasuryArena.Server.Contracts;
using TreasuryArena.Server.Http;

namespace TreasuryArena.Server.Endpoints;

/// <summary>
/// Two-person approval through <see cref="ApprovalUseCases"/> (the CLI's <c>arena approvals</c> calls the same): the
/// caller's organisation's approvals, the second approval (executes the request) and rejection.
/// </summary>
public static class ApprovalEndpoints
{
    public static IEndpointRouteBuilder MapApprovalEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/approvals").WithTags("Approvals").RequireAuthorization(ApiKeyDefaults.MemberPolicy);
        group.MapGet("", List);
        group.MapPost("/{id:guid}/approve", Approve);
        group.MapPost("/{id:guid}/reject", Reject);
        return app;
    }

    /// <summary>The caller's organisation's approvals (an admin's key: every organisation's), awaiting ones unless <c>status</c> says otherwise (<c>all</c>: every status).</summary>
    public static async Task<Results<Ok<List<ApprovalResponse>>, ProblemHttpResult>> List(string? status, HttpContext http, ApprovalUseCases approvals, ActorNames actorNames)
    {
        ApprovalStatus? filter = ApprovalStatus.AwaitingSecondApproval;
        if (string.Equals(status, "all", StringComparison.OrdinalIgnoreCase))
        {
            filter = null;
        }
        else if (status is not null)
        {
            if (!PendingApproval.TryParse<ApprovalStatus>(status, out var parsed))
            {
                return Problems.BadField("status", "status must be awaiting_second_approval, executed, rejected, expired or all");
            }

            filter = parsed;
        }

        var list = await approvals.ListAsync(http.Caller(), filter, http.RequestAborted);
        var names = await actorNames.ForAsync(http.Caller().OrganisationId, http.RequestAborted);
        return TypedResults.Ok(list.Select(a => ApprovalResponse.From(a, names)).ToList());
    }

    public static async Task<Results<Ok<ApprovalDecisionResponse>, ProblemHttpResult>> Approve(Guid id, HttpContext http, ApprovalUseCases approvals)
    {
        try
        {
            return TypedResults.Ok(ApprovalDecisionResponse.From(await approvals.ApproveAsync(http.Caller(), id, http.RequestAborted)));
        }
        catch (DomainException ex)
        {
            return UseCaseProblems.From(http, ex);
        }
    }

    public static async Task<Results<Ok<ApprovalResponse>, ProblemHttpResult>> Reject(Guid id, ReasonRequest? request, HttpContext http, ApprovalUseCases approvals)
    {
        try
        {
            return TypedResults.Ok(ApprovalResponse.From(await approvals.RejectAsync(http.Caller(), id, request?.Reason, http.RequestAborted)));
        }
        catch (DomainException ex)
        {
            return UseCaseProblems.From(http, ex);
        }
    }
}
