using TreasuryArena.Core.Common;

namespace TreasuryArena.Server.Http;

/// <summary>
/// Gives the problems the framework writes itself the shape of ours: a <c>code</c>, problem type and title from
/// <see cref="OutcomeTable"/>. Those are the status-code pages (401 from authentication, 403 from an authorization
/// policy, 404 for a path no route matches, 405, 415 for a body that is not JSON) and the DataAnnotations validation
/// 400s. A problem that already has a code (every <see cref="Problems"/> answer) is left alone.
/// </summary>
public static class FrameworkProblems
{
    public static void AddCode(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var problem = context.ProblemDetails;
        if (problem.Extensions.ContainsKey("code"))
        {
            return;
        }

        Outcome? outcome = problem.Status switch
        {
            StatusCodes.Status400BadRequest => Outcome.InvalidRequest,
            StatusCodes.Status401Unauthorized => Outcome.Unauthenticated,
            StatusCodes.Status403Forbidden => Outcome.RoleForbidden,
            StatusCodes.Status404NotFound => Outcome.NotFound,
            StatusCodes.Status405MethodNotAllowed => Outcome.MethodNotAllowed,
            StatusCodes.Status413PayloadTooLarge => Outcome.BodyTooLarge,
            StatusCodes.Status415UnsupportedMediaType => Outcome.UnsupportedMediaType,
            StatusCodes.Status429TooManyRequests => Outcome.RateLimited,
            _ => null,
        };
        if (outcome is not { } o)
        {
            return;
        }

        var row = o.Row();
        problem.Type = row.ProblemType;
        problem.Title = row.Title;
        problem.Extensions["code"] = row.Code;
    }
}
