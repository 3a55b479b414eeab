using System.Globalization;
using System.Text.Json;
using TreasuryArena.Core.Audit;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Identity;

namespace TreasuryArena.Core.Application;

/// <summary>
/// How a use case writes its audit record: one action name and one detail shape whichever door (API, CLI, job) called
/// it. A refusal is audited under the same action with the refusal's code and message, then rethrown, so the caller
/// maps it (HTTP problem, CLI error) without auditing it again.
/// </summary>
internal static class AuditTrail
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static string Json(IReadOnlyDictionary<string, object?> detail) => JsonSerializer.Serialize(detail, Options);

    public static Task DoneAsync(IAuditLog audit, Caller actor, string action, string subject, IReadOnlyDictionary<string, object?> detail, CancellationToken ct) =>
        audit.AppendAsync(new AuditRecord(actor.Actor, action, subject, AuditOutcome.Done, Json(detail)), ct);

    /// <summary>Audits <paramref name="refusal"/> as refused and returns it for the caller to throw.</summary>
    public static async Task<DomainException> RefusedAsync(IAuditLog audit, Caller actor, string action, string subject, DomainException refusal, IReadOnlyDictionary<string, object?>? detail, CancellationToken ct)
    {
        var all = new Dictionary<string, object?>(StringComparer.Ordinal) { ["code"] = refusal.Code, ["message"] = refusal.Message };
        foreach (var (k, v) in detail ?? new Dictionary<string, object?>())
        {
            all[k] = v;
        }

        await audit.AppendAsync(new AuditRecord(actor.Actor, action, subject, AuditOutcome.Refused, Json(all)), ct);
        return refusal;
    }

    public static string Lower<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
