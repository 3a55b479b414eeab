using TreasuryArena.Core.Common;

namespace TreasuryArena.Core.Compliance;

/// <summary>The pure rules' answer: allow, refuse with an outcome, or hold with the monitoring reasons that fired.</summary>
public sealed record RuleOutcome(RuleOutcomeKind Kind, Outcome Outcome, IReadOnlyList<string> Reasons)
{
    public static readonly RuleOutcome Allow = new(RuleOutcomeKind.Allow, Outcome.Ok, []);

    /// <summary>The outcome's stable code (<c>platform_halted</c>, <c>held_for_review</c>); null when allowed.</summary>
    public string? Code => Kind == RuleOutcomeKind.Allow ? null : Outcome.Code();

    public static RuleOutcome Refuse(Outcome outcome, string reason) => new(RuleOutcomeKind.Refuse, outcome, [reason]);

    public static RuleOutcome Hold(IReadOnlyList<string> reasons) => new(RuleOutcomeKind.Hold, Outcome.HeldForReview, reasons);
}
