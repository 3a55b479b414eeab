using Microsoft.AspNetCore.Http.HttpResults;
using TreasuryArena.Core.Common;

namespace TreasuryArena.Server.Http;

/// <summary>
/// A use case's refusal as a problem answer. The use case has already written the refusal into the audit chain under its
/// own action, so the request is marked for <see cref="RefusalAuditMiddleware"/> not to audit it a second time.
/// </summary>
public static class UseCaseProblems
{
    /// <summary>The refusal's problem from the outcome table (<see cref="OutcomeTable"/>), naming <paramref name="field"/> when the refusal is about one.</summary>
    public static ProblemHttpResult From(HttpContext http, DomainException refusal, string? field = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(refusal);
        http.Items[RefusalAuditMiddleware.AlreadyAuditedItem] = true;
        return Problems.For(refusal.Outcome, refusal.Message, field ?? refusal.Field);
    }
}
