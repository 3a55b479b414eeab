using System.Globalization;

namespace TreasuryArena.Core.Intelligence;

/// <summary>One comparison of an indicator with a threshold, e.g. <c>mvrv_z ≥ 7</c>.</summary>
public sealed record PhaseCondition(string Indicator, PhaseComparison Comparison, double Threshold)
{
    public bool IsMet(double value) => Comparison switch
    {
        PhaseComparison.AtLeast => value >= Threshold,
        PhaseComparison.AtMost => value <= Threshold,
        PhaseComparison.Below => value < Threshold,
        _ => throw new InvalidOperationException($"unknown comparison {Comparison}"),
    };

    public string Symbol => Comparison switch
    {
        PhaseComparison.AtLeast => ">=",
        PhaseComparison.AtMost => "<=",
        _ => "<",
    };

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Indicator} {Symbol} {Threshold:0.####}");
}
