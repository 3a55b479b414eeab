namespace TreasuryArena.Core.Quant;

/// <summary>
/// A ratio under <see cref="RatioRules"/>: a finite <see cref="Value"/>, or null with the reason it is undefined
/// (too few returns, a denominator below the floor). Serialised as the number or JSON null.
/// </summary>
public readonly record struct RatioValue
{
    private RatioValue(double? value, string? reason)
    {
        Value = value;
        Reason = reason;
    }

    /// <summary>The ratio, or null when undefined.</summary>
    public double? Value { get; }

    /// <summary>Why the ratio is undefined (null when it is defined).</summary>
    public string? Reason { get; }

    public bool IsDefined => Value is not null;

    internal static RatioValue Of(double value) =>
        double.IsFinite(value) ? new RatioValue(value, null) : new RatioValue(null, "not a finite number");

    internal static RatioValue Undefined(string reason) => new(null, reason);
}
