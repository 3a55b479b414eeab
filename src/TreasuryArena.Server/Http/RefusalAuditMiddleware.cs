using System.Text.Json;
using TreasuryArena.Core.Audit;
using TreasuryArena.Core.Identity;

namespace TreasuryArena.Server.Http;

/// <summary>
/// Audits every refused API request: any 401/403, and any 4xx answer to a mutation (validation failures, business
/// refusals). A refusal of a caller with a valid key is one audit entry; a refusal of a request without one (no key, a
/// bad or revoked key) is only counted in <see cref="RefusalAuditSummary"/>, which writes one entry per source and
/// window, so nobody can grow the chain by sending made-up keys. Rate-limit answers (429) never reach this middleware
/// (it runs after the rate limiter). Trade refusals that the compliance gate already audited are marked and skipped here.
/// </summary>
public sealed class RefusalAuditMiddleware(RequestDelegate next, IAuditLog audit, RefusalAuditSummary summary)
{
    public const string AlreadyAuditedItem = "arena.refusal_audited";

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        int status;
        try
        {
            await next(context);
            status = context.Response.StatusCode;
        }
        catch (BadHttpRequestException bad)
        {
            await AuditAsync(context, bad.StatusCode);
            throw;
        }
        catch (TreasuryArena.Core.Common.DomainException domain)
        {
            await AuditAsync(context, TreasuryArena.Core.Common.OutcomeTable.HttpStatus(domain.Outcome));
            throw;
        }

        await AuditAsync(context, status);
    }

    private async Task AuditAsync(HttpContext context, int status)
    {
        if (status is < 400 or >= 500 or 429 || !context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal) || context.Items.ContainsKey(AlreadyAuditedItem))
        {
            return;
        }

        var mutation = !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method);
        if (!mutation && status is not (401 or 403))
        {
            return;
        }

        if (context.Features.Get<Caller>() is not { } caller)
        {
            summary.Refused(context, status);
            return;
        }

        var actor = caller.Actor;
        var detail = JsonSerializer.Serialize(new Dictionary<string, object?> { ["status"] = status, ["method"] = context.Request.Method });
        await audit.AppendAsync(new AuditRecord(actor, "http " + context.Request.Method + " " + context.Request.Path, context.Request.Path.ToString(), AuditOutcome.Refused, detail), CancellationToken.None);
    }
}
