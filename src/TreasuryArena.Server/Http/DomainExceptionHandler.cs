using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using TreasuryArena.Core.Common;

namespace TreasuryArena.Server.Http;

/// <summary>
/// The one exception handler: <see cref="DomainException"/> becomes the ProblemDetails of its <see cref="Outcome"/>
/// (status, type and code from <see cref="OutcomeTable"/>, its field named in <c>errors</c>);
/// a bad request (malformed JSON, wrong types, a query value that does not bind, oversized body) a 400/413
/// ProblemDetails naming the field; anything else a 500 <c>unexpected_outcome</c>. Only domain messages (written for
/// users) and fixed sentences reach the client: no framework or exception text, which is logged server-side instead.
/// </summary>
public sealed class DomainExceptionHandler(IProblemDetailsService problems, ILogger<DomainExceptionHandler> logger) : IExceptionHandler
{
    /// <summary>The detail of a 500: fixed, so no exception text leaks.</summary>
    public const string FaultDetail = "the server could not process this request; the fault is logged";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ProblemDetails problem;
        var path = httpContext.Request.Path.HasValue ? httpContext.Request.Path.Value : "/";
        switch (exception)
        {
            case DomainException domain:
                problem = Problems.Details(domain.Outcome, domain.Outcome.HttpStatus(), domain.Message, domain.Field);
                break;

            case BadHttpRequestException bad:
                var outcome = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? Outcome.BodyTooLarge : Outcome.InvalidRequest;
                var (field, message) = Describe(bad);
                problem = Problems.Details(outcome, outcome.HttpStatus(), message, field);
                problem.Title = outcome == Outcome.BodyTooLarge ? "Request body too large" : "Invalid request";
                Log.BadRequestAnswered(logger, bad, httpContext.Request.Method, path, outcome.HttpStatus(), outcome.Code());
                break;

            case OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested:
                return false;

            default:
                Log.UnhandledException(logger, exception, httpContext.Request.Method, path);
                problem = Problems.Details(Outcome.UnexpectedOutcome, StatusCodes.Status500InternalServerError, FaultDetail);
                break;
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        // No Exception on the context: the problem writer would add its text in Development; it is logged above.
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem });
    }

    /// <summary>The field a bad request is about and a fixed sentence for it (never the framework's message).</summary>
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
                    var first = names.Length > 0 ? SafeName(names[0].Trim('\'', '.')) : "body";
                    return (first, $"'{first}' is required");
                }

                var path = json.Path is { Length: > 2 } p && p.StartsWith("$.", StringComparison.Ordinal) ? SafeName(p[2..]) : "body";
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

        // "Failed to bind parameter \"Nullable<long> after\" from \"abc\"." — name the parameter, not the framework's words.
        const string bind = "Failed to bind parameter \"";
        if (bad.Message.StartsWith(bind, StringComparison.Ordinal))
        {
            var declaration = bad.Message[bind.Length..];
            var end = declaration.IndexOf('"', StringComparison.Ordinal);
            var name = end > 0 ? SafeName(declaration[..end].Split(' ')[^1]) : "query";
            return (name, $"'{name}' is malformed");
        }

        if (bad.Message.Contains("no body was provided", StringComparison.OrdinalIgnoreCase) || bad.Message.Contains("body was empty", StringComparison.OrdinalIgnoreCase))
        {
            return ("body", "a JSON body is required");
        }

        if (bad.Message.Contains("content type", StringComparison.OrdinalIgnoreCase) || bad.Message.Contains("Content-Type", StringComparison.Ordinal))
        {
            return ("body", "the body must be JSON (Content-Type: application/json)");
        }

        return ("body", "the request is malformed");
    }

    /// <summary>A field name from a framework message, kept only if it looks like one (letters, digits, _ . [ ]), else <c>body</c>.</summary>
    private static string SafeName(string name) =>
        name.Length is > 0 and <= 64 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '[' or ']') ? name : "body";
}
