using TreasuryArena.Core.Strategies.Library;

namespace TreasuryArena.Core.Strategies;

/// <summary>The built-in strategies, listed and instantiated by kebab-case name.</summary>
public static class StrategyLibrary
{
    public static IReadOnlyList<StrategyDefinition> All { get; } =
    [
        BuyAndHold.Definition,
        FixedWeight.Definition,
        Treasury6040.Definition,
        MaTrend.Definition,
        MaCrossover.Definition,
        DualMomentum.Definition,
        RiskParity.Definition,
        VolatilityTarget.Definition,
        DollarCostAveraging.Definition,
        FearGreedContrarian.Definition,
        RsiReversion.Definition,
    ];

    public static bool TryGet(string name, out StrategyDefinition definition)
    {
        definition = All.FirstOrDefault(d => d.Name.Equals(name?.Trim(), StringComparison.OrdinalIgnoreCase))!;
        return definition is not null;
    }

    /// <summary>The definition, or <see cref="StrategyException"/> naming the known strategies.</summary>
    public static StrategyDefinition Get(string name) =>
        TryGet(name, out var d)
            ? d
            : throw StrategyException.Unknown($"unknown strategy `{name}` (known: {string.Join(", ", All.Select(x => x.Name))})");

    /// <summary>A configured instance: defaults overlaid with <paramref name="parameters"/>.</summary>
    public static IStrategy Create(string name, IReadOnlyDictionary<string, string>? parameters = null) => Get(name).Create(parameters);
}
