namespace TreasuryArena.Core.Compliance;

/// <summary>The pure rules' answer: allow, refuse with a code, or hold with the monitoring reasons that fired.</summary>
public sealed record RuleOutcome(RuleOutcomeKind Kind, string? Code, IReadOnlyList<string> Reasons)
{
    public static readonly RuleOutcome Allow = new(RuleOutcomeKind.Allow, null, []);

    public static RuleOutcome Refuse(string code, string reason) => new(RuleOutcomeKind.Refuse, code, [reason]);

    public static RuleOutcome Hold(IReadOnlyList<string> reasons) => new(RuleOutcomeKind.Hold, "held_for_review", reasons);
}
