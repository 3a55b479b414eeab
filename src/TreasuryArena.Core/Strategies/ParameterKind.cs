namespace TreasuryArena.Core.Strategies;

/// <summary>What values a strategy parameter takes.</summary>
public enum ParameterKind
{
    Number,
    WholeNumber,
    Choice,
}
