using Microsoft.AspNetCore.Http.HttpResults;
using TreasuryArena.Core.Common;

namespace TreasuryArena.Server.Http;

/// <summary>
/// A use case's refusal as a problem answer. The use case has already written the refusal into the audit chain under its
/// own action, so the request is marked for <see cref="RefusalAuditMiddleware"/> not to audit it a second time.
/// </summary>
public static class UseCaseProblems
{
    public static ProblemHttpResult From(HttpContext http, DomainException refusal, int? status = null, string? field = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(refusal);
        http.Items[RefusalAuditMiddleware.AlreadyAuditedItem] = true;
        return Problems.Of(status ?? ProblemCodes.StatusFor(refusal), refusal.Code, refusal.Message, field);
    }
}
