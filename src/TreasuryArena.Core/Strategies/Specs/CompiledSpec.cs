namespace TreasuryArena.Core.Strategies.Specs;

/// <summary>A validated spec: a library-like definition plus the costs the spec asks for.</summary>
public sealed record CompiledSpec(StrategyDefinition Definition, double? FeeBps, double? SlippageBps)
{
    /// <summary>An instance with parameter overrides; a bad value throws <see cref="StrategyException"/>.</summary>
    public IStrategy Create(IReadOnlyDictionary<string, string>? overrides = null) => Definition.Create(overrides);
}
