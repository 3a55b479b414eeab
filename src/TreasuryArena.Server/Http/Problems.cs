using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace TreasuryArena.Server.Http;

/// <summary>ProblemDetails results with a stable <c>code</c> extension and, for bad fields, an <c>errors</c> map.</summary>
public static class Problems
{
    public static ProblemHttpResult Of(int status, string code, string detail, string? field = null)
    {
        ProblemDetails problem = field is null
            ? new ProblemDetails()
            : new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [detail] });
        problem.Status = status;
        problem.Title = code.Replace('_', ' ');
        problem.Detail = detail;
        problem.Type = "https://treasury-arena.example/problems/" + code;
        problem.Extensions["code"] = code;
        return TypedResults.Problem(problem);
    }

    public static ProblemHttpResult NotFound(string code, string detail) => Of(StatusCodes.Status404NotFound, code, detail);

    public static ProblemHttpResult BadField(string field, string detail, string code = "invalid_request") => Of(StatusCodes.Status400BadRequest, code, detail, field);
}
