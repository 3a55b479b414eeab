using System.Globalization;

namespace TreasuryArena.Core.Strategies;

/// <summary>A strategy parameter: its default and its allowed range (numbers) or values (choices).</summary>
public sealed record StrategyParameter(
    string Name,
    string Description,
    ParameterKind Kind,
    string Default,
    double? Min = null,
    double? Max = null,
    IReadOnlyList<string>? Choices = null)
{
    public static StrategyParameter Number(string name, string description, double @default, double min, double max) =>
        new(name, description, ParameterKind.Number, Format(@default), min, max);

    public static StrategyParameter WholeNumber(string name, string description, int @default, int min, int max) =>
        new(name, description, ParameterKind.WholeNumber, @default.ToString(CultureInfo.InvariantCulture), min, max);

    public static StrategyParameter Choice(string name, string description, string @default, params string[] choices) =>
        new(name, description, ParameterKind.Choice, @default, Choices: choices);

    /// <summary>Checks and normalises a value; throws <see cref="StrategyException"/> with a readable message.</summary>
    public string Normalize(string strategy, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = value.Trim();
        switch (Kind)
        {
            case ParameterKind.Choice:
                var match = Choices!.FirstOrDefault(c => c.Equals(text, StringComparison.OrdinalIgnoreCase));
                return match ?? throw StrategyException.BadParameter($"{strategy}: `{Name}` = `{value}` is not one of {string.Join(", ", Choices!)}");
            default:
                if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
                {
                    throw StrategyException.BadParameter($"{strategy}: `{Name}` = `{value}` is not a number");
                }

                if (Kind == ParameterKind.WholeNumber && v != Math.Floor(v))
                {
                    throw StrategyException.BadParameter($"{strategy}: `{Name}` = `{value}` must be a whole number");
                }

                if (v < Min || v > Max)
                {
                    throw StrategyException.BadParameter($"{strategy}: `{Name}` = {Format(v)} is outside its range {Format(Min!.Value)}..{Format(Max!.Value)}");
                }

                return Format(v);
        }
    }

    public static string Format(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
