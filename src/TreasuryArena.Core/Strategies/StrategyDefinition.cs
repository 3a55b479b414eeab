namespace TreasuryArena.Core.Strategies;

/// <summary>A library entry: name, description, the public source it follows, its parameters and a factory.</summary>
public sealed class StrategyDefinition
{
    private readonly Func<StrategyArguments, IStrategy> _factory;

    public StrategyDefinition(string name, string description, string source, IReadOnlyList<StrategyParameter> parameters, Func<StrategyArguments, IStrategy> factory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(factory);
        Name = name;
        Description = description;
        Source = source;
        Parameters = parameters;
        _factory = factory;
    }

    public string Name { get; }

    public string Description { get; }

    public string Source { get; }

    public IReadOnlyList<StrategyParameter> Parameters { get; }

    /// <summary>Defaults overlaid with <paramref name="overrides"/>, each checked against its range.</summary>
    public StrategyArguments Resolve(IReadOnlyDictionary<string, string>? overrides = null)
    {
        var values = Parameters.ToDictionary(p => p.Name, p => p.Default, StringComparer.Ordinal);
        if (overrides is not null)
        {
            foreach (var (key, value) in overrides)
            {
                var p = Parameters.FirstOrDefault(x => x.Name.Equals(key, StringComparison.OrdinalIgnoreCase))
                    ?? throw StrategyException.BadParameter(Parameters.Count == 0
                        ? $"{Name}: unknown parameter `{key}` ({Name} takes no parameters)"
                        : $"{Name}: unknown parameter `{key}` (known: {string.Join(", ", Parameters.Select(x => x.Name))})");
                values[p.Name] = p.Normalize(Name, value);
            }
        }

        return new StrategyArguments(Name, values);
    }

    /// <summary>A configured strategy; throws <see cref="StrategyException"/> on a bad parameter.</summary>
    public IStrategy Create(IReadOnlyDictionary<string, string>? overrides = null) => _factory(Resolve(overrides));
}
