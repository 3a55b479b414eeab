using System.Security.Cryptography;
using Microsoft.AspNetCore.Mvc;
using TreasuryArena.Core.Common;
using TreasuryArena.Infrastructure.Platform;
using TreasuryArena.Server.Auth;

namespace TreasuryArena.Server.Http;

/// <summary>
/// Makes mutations with an <c>Idempotency-Key</c> header safe to repeat: the first request claims the key (per
/// caller), its response (status, type, body) is stored durably before it is sent (group-committed with other
/// requests' records), and a repeat gets exactly that response back with <c>Idempotent-Replayed: true</c>. Reusing a
/// key for a different request is a 422; a repeat while the first is still running is a 409. A failed (5xx) first
/// attempt releases the key so the client can retry.
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next, SqlIdempotencyStore store, TimeProvider time, IProblemDetailsService problems)
{
    public const string Header = "Idempotency-Key";
    private const int MaxKeyLength = 200;

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method)
            || !request.Headers.TryGetValue(Header, out var values) || !request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
        {
            await next(context);
            return;
        }

        var key = values.ToString().Trim();
        if (key.Length is 0 or > MaxKeyLength)
        {
            await WriteProblemAsync(context, Outcome.InvalidIdempotencyKey, $"{Header} must be 1 to {MaxKeyLength} characters");
            return;
        }

        var scope = context.Features.Get<TreasuryArena.Core.Identity.Caller>()?.KeyId.ToString() ?? "anonymous";
        request.EnableBuffering();
        var requestHash = await HashRequestAsync(request, context.RequestAborted);
        var existing = await store.TryClaimAsync(scope, key, requestHash, context.RequestAborted);
        if (existing is not null)
        {
            await ReplayAsync(context, existing, key, requestHash);
            return;
        }

        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        var completed = false;
        try
        {
            await next(context);
            buffer.Position = 0;
            if (context.Response.StatusCode < 500)
            {
                var body = await new StreamReader(buffer).ReadToEndAsync(context.RequestAborted);
                completed = true;
                var first = await store.CompleteAsync(scope, key, requestHash, time.GetUtcNow(), context.Response.StatusCode, context.Response.ContentType, body, CancellationToken.None);
                if (first is not null)
                {
                    // Another instance stored a response for this key first: answer with that one.
                    context.Response.Body = original;
                    await ReplayAsync(context, first, key, requestHash);
                    return;
                }
            }

            buffer.Position = 0;
            context.Response.Body = original;
            await buffer.CopyToAsync(original, context.RequestAborted);
        }
        finally
        {
            context.Response.Body = original;
            if (!completed)
            {
                store.Release(scope, key);
            }
        }
    }

    private async Task ReplayAsync(HttpContext context, IdempotencyRecord existing, string key, string requestHash)
    {
        if (!string.Equals(existing.RequestHash, requestHash, StringComparison.Ordinal))
        {
            await WriteProblemAsync(context, Outcome.IdempotencyKeyReused, $"{Header} '{key}' was already used for a different request");
        }
        else if (!existing.Completed)
        {
            await WriteProblemAsync(context, Outcome.IdempotencyConflict, $"a request with {Header} '{key}' is still being processed");
        }
        else
        {
            context.Response.StatusCode = existing.StatusCode;
            context.Response.Headers["Idempotent-Replayed"] = "true";
            if (existing.ContentType is not null)
            {
                context.Response.ContentType = existing.ContentType;
            }

            await context.Response.WriteAsync(existing.Body ?? "", context.RequestAborted);
        }
    }

    private static async Task<string> HashRequestAsync(HttpRequest request, CancellationToken ct)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(System.Text.Encoding.UTF8.GetBytes(request.Method + " " + request.Path + request.QueryString + "\n"));
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            sha.AppendData(chunk, 0, read);
        }

        request.Body.Position = 0;
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private async Task WriteProblemAsync(HttpContext context, Outcome outcome, string detail)
    {
        var problem = Problems.Details(outcome, outcome.HttpStatus(), detail);
        context.Response.StatusCode = problem.Status!.Value;
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }
}
