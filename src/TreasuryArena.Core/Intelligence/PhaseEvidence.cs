using System.Globalization;

namespace TreasuryArena.Core.Intelligence;

/// <summary>One evaluated condition: the indicator's value against the threshold, and whether it held.</summary>
public sealed record PhaseEvidence(string Clause, string Indicator, double? Value, string Comparison, double Threshold, bool Met)
{
    public override string ToString() => Value is { } v
        ? string.Create(CultureInfo.InvariantCulture, $"[{Clause}] {Indicator} = {v:0.####} {Comparison} {Threshold:0.####}{(Met ? "" : " (not met)")}")
        : string.Create(CultureInfo.InvariantCulture, $"[{Clause}] {Indicator} missing (needed for {Comparison} {Threshold:0.####})");
}
