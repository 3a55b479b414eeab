using System.Text.Json;
using TreasuryArena.Core.Audit;
using TreasuryArena.Core.Identity;

namespace TreasuryArena.Server.Http;

/// <summary>
/// Writes every refused API request into the audit chain: any 401/403, and any 4xx answer to a mutation
/// (validation failures, business refusals). Rate-limit answers (429) are not audited, so a flood cannot flood
/// the chain. Trade refusals that the compliance gate already audited are marked and skipped here.
/// </summary>
public sealed class RefusalAuditMiddleware(RequestDelegate next, IAuditLog audit)
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

        var caller = context.Features.Get<Caller>();
        var actor = caller?.Actor ?? "anonymous (" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown") + ")";
        var detail = JsonSerializer.Serialize(new Dictionary<string, object?> { ["status"] = status, ["method"] = context.Request.Method });
        await audit.AppendAsync(new AuditRecord(actor, "http " + context.Request.Method + " " + context.Request.Path, context.Request.Path.ToString(), AuditOutcome.Refused, detail), CancellationToken.None);
    }
}
