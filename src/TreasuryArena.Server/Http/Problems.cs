using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using TreasuryArena.Core.Common;

namespace TreasuryArena.Server.Http;

/// <summary>
/// ProblemDetails for an <see cref="Outcome"/>, read from <see cref="OutcomeTable"/>: its status, its problem type
/// (<c>https://treasury-arena.example/problems/&lt;code&gt;</c>), its title (the code with spaces) and a stable
/// <c>code</c> extension; for a bad field, an <c>errors</c> map naming it. Two rules of the request, not of the outcome,
/// apply on top of the table: a field that fails validation before any business rule runs is a 400
/// (<see cref="BadField"/>), and a not-found outcome about a name the request body gave (a field) is a 422, since the
/// URL's resource exists and the body is what cannot be processed.
/// </summary>
public static class Problems
{
    /// <summary>The outcome's problem with the table's status (422 for a not-found outcome about a body field).</summary>
    public static ProblemHttpResult For(Outcome outcome, string detail, string? field = null)
    {
        var status = outcome.HttpStatus();
        if (field is not null && status == StatusCodes.Status404NotFound)
        {
            status = StatusCodes.Status422UnprocessableEntity;
        }

        return TypedResults.Problem(Details(outcome, status, detail, field));
    }

    /// <summary>A request field that fails validation before any business rule runs: 400 naming the field.</summary>
    public static ProblemHttpResult BadField(string field, string detail, Outcome outcome = Outcome.InvalidRequest) =>
        TypedResults.Problem(Details(outcome, StatusCodes.Status400BadRequest, detail, field));

    /// <summary>The ProblemDetails body every problem answer of the API shares (results, exception handler, middleware).</summary>
    public static ProblemDetails Details(Outcome outcome, int status, string detail, string? field = null)
    {
        var row = outcome.Row();
        ProblemDetails problem = field is null
            ? new ProblemDetails()
            : new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [FreeText.ForDisplay(detail, multiline: true)] });
        problem.Status = status;
        problem.Title = row.Title;
        // A detail may quote what the caller sent (an unknown symbol, a path segment): shown with any control, bidi or
        // escape character as \u{XXXX}, so a client that prints it prints no escape sequence (FreeText.ForDisplay).
        problem.Detail = FreeText.ForDisplay(detail, multiline: true);
        problem.Type = row.ProblemType;
        problem.Extensions["code"] = row.Code;
        return problem;
    }
}
