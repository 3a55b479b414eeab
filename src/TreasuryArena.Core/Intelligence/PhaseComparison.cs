namespace TreasuryArena.Core.Intelligence;

/// <summary>How a <see cref="PhaseCondition"/> compares its indicator with the threshold.</summary>
public enum PhaseComparison
{
    AtLeast,
    AtMost,
    Below,
}
