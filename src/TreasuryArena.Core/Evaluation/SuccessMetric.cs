namespace TreasuryArena.Core.Evaluation;

/// <summary>A target from the seed with the measured value; <see cref="Met"/> is false when the value is undefined.</summary>
/// <param name="Name">snake_case name.</param>
/// <param name="Comparison">How the value is compared with the target (<c>&gt;=</c>, <c>&gt;</c>, <c>&lt;</c>).</param>
public sealed record SuccessMetric(string Name, string Description, string Comparison, double Target, double? Value, bool Met);
