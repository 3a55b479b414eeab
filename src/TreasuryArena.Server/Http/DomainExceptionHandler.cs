using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using TreasuryArena.Core.Common;

namespace TreasuryArena.Server.Http;

/// <summary>
/// The one exception handler: <see cref="DomainException"/> becomes the ProblemDetails of its <see cref="Outcome"/>
/// (status, type and code from <see cref="OutcomeTable"/>);
/// a bad request (malformed JSON, wrong types, oversized body) a 400/413 ProblemDetails naming the field.
/// </summary>
public sealed class DomainExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ProblemDetails problem;
        switch (exception)
        {
            case DomainException domain:
                problem = Problems.Details(domain.Outcome, domain.Outcome.HttpStatus(), domain.Message);
                break;

            case BadHttpRequestException bad:
                var outcome = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? Outcome.BodyTooLarge : Outcome.InvalidRequest;
                var (field, message) = Describe(bad);
                problem = Problems.Details(outcome, outcome.HttpStatus(), message, field);
                problem.Title = outcome == Outcome.BodyTooLarge ? "Request body too large" : "Invalid request";
                break;

            default:
                return false;
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    private static (string Field, string Message) Describe(BadHttpRequestException bad)
    {
        for (Exception? e = bad; e is not null; e = e.InnerException)
        {
            if (e is JsonException json)
            {
                const string missing = "missing required properties including: ";
                var at = json.Message.IndexOf(missing, StringComparison.Ordinal);
                if (at >= 0)
                {
                    var names = json.Message[(at + missing.Length)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                    var first = names.Length > 0 ? names[0].Trim('\'', '.') : "body";
                    return (first, $"'{first}' is required");
                }

                var path = json.Path is { Length: > 2 } p && p.StartsWith("$.", StringComparison.Ordinal) ? p[2..] : "body";
                if (json is InexactNumberException)
                {
                    return (path, $"'{path}' has more digits than the ledger can hold exactly; it is refused, not rounded");
                }

                if (json.Message.Contains("Duplicate", StringComparison.OrdinalIgnoreCase))
                {
                    return (path, $"'{path}' appears more than once in the body; send each field once");
                }

                return (path, path == "body" ? "the body is not valid JSON" : $"'{path}' has the wrong type or is malformed");
            }
        }

        if (bad.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return ("body", "the request body is larger than the server accepts");
        }

        return ("body", bad.Message);
    }
}
