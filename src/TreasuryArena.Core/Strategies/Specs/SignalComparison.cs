namespace TreasuryArena.Core.Strategies.Specs;

/// <summary>How a spec signal compares its two sides.</summary>
internal enum SignalComparison
{
    Greater,
    GreaterOrEqual,
    Less,
    LessOrEqual,
}
