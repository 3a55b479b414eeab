namespace TreasuryArena.Core.Strategies.Specs;

/// <summary>
/// A strategy written as data (a YAML or JSON file), as parsed: every element keeps its line so the compiler can
/// say where a problem is. <see cref="StrategySpecCompiler"/> validates it and turns it into a strategy.
/// </summary>
public sealed record StrategySpec
{
    /// <summary>The file name used in error messages.</summary>
    public required string SourceName { get; init; }

    public required SpecScalar Name { get; init; }

    public string Description { get; init; } = "";

    /// <summary>The public source the strategy follows.</summary>
    public string Reference { get; init; } = "";

    public required IReadOnlyList<SpecScalar> Assets { get; init; }

    public IReadOnlyList<SpecParameter> Parameters { get; init; } = [];

    public IReadOnlyList<SpecSignal> Signals { get; init; } = [];

    public required IReadOnlyList<SpecRule> Rules { get; init; }

    public SpecRebalance? Rebalance { get; init; }

    public SpecScalar? FeeBps { get; init; }

    public SpecScalar? SlippageBps { get; init; }

    /// <summary>Line of the <c>rules</c> key (for "no rules" errors).</summary>
    public int RulesLine { get; init; }
}
