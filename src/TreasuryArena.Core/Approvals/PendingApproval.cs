using System.Text.Json;

namespace TreasuryArena.Core.Approvals;

/// <summary>
/// A request held for a second member's approval: what (<see cref="Kind"/>, <see cref="Summary"/>, the request as JSON in
/// <see cref="Payload"/>, its USD value), for which organisation, who asked (member, key and audit name), and how it ended.
/// The requester's own request counts as the first approval; the second must come from a different member.
/// </summary>
public sealed record PendingApproval(
    Guid Id,
    ApprovalKind Kind,
    Guid OrganisationId,
    string Summary,
    decimal UsdValue,
    string Payload,
    Guid RequestedByMember,
    Guid RequestedByKey,
    string RequestedBy,
    ApprovalStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    string? DecidedBy,
    DateTimeOffset? DecidedAt,
    string? Result)
{
    /// <summary>The kind's stable snake_case code (<c>trade</c>, <c>proposal</c>, <c>policy_change</c>).</summary>
    public string KindCode => Code(Kind);

    /// <summary>The status's stable snake_case code (<c>awaiting_second_approval</c>, <c>executed</c>, <c>rejected</c>, <c>expired</c>).</summary>
    public string StatusCode => Code(Status);

    /// <summary>The snake_case code of an enum member (how kinds and statuses are stored and shown).</summary>
    public static string Code<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    /// <summary>Parses a snake_case code back (stored rows, <c>--status</c>).</summary>
    public static bool TryParse<T>(string? code, out T value)
        where T : struct, Enum
    {
        foreach (var v in Enum.GetValues<T>())
        {
            if (string.Equals(Code(v), code, StringComparison.OrdinalIgnoreCase))
            {
                value = v;
                return true;
            }
        }

        value = default;
        return false;
    }
}
