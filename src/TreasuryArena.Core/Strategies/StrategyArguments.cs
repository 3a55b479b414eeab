using System.Globalization;

namespace TreasuryArena.Core.Strategies;

/// <summary>Validated parameter values of one strategy instance (every parameter present, defaults filled in).</summary>
public sealed class StrategyArguments
{
    private readonly Dictionary<string, string> _values;

    internal StrategyArguments(string strategy, Dictionary<string, string> values)
    {
        Strategy = strategy;
        _values = values;
    }

    public string Strategy { get; }

    public IReadOnlyDictionary<string, string> Values => _values;

    public double Number(string name) => double.Parse(Get(name), CultureInfo.InvariantCulture);

    public int WholeNumber(string name) => (int)double.Parse(Get(name), CultureInfo.InvariantCulture);

    public string Choice(string name) => Get(name);

    private string Get(string name) =>
        _values.TryGetValue(name, out var v) ? v : throw new ArgumentException($"{Strategy} has no parameter `{name}`", nameof(name));
}
