using TreasuryArena.Core.Advice;

namespace TreasuryArena.Infrastructure.Advice;

/// <summary>Claude's answer parsed: a decision, or why it could not be used (<c>malformed_output</c>, <c>schema_violation</c>).</summary>
internal sealed record ClaudeAnswer(Decision? Decision, string? Failure, string? Detail)
{
    public static ClaudeAnswer Fail(string failure, string detail) => new(null, failure, detail);
}
