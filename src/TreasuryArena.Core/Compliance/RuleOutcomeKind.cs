namespace TreasuryArena.Core.Compliance;

/// <summary>The three ways a trade check can end.</summary>
public enum RuleOutcomeKind
{
    Allow,
    Refuse,
    Hold,
}
