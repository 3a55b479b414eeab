namespace TreasuryArena.Core.Evaluation;

/// <summary>
/// A yearly excess return (CAGR of one contender minus CAGR of another on the same dates) with its bootstrap interval.
/// </summary>
/// <param name="Value">The excess on the observed sample (null when either CAGR is undefined).</param>
/// <param name="CiLow">Lower bound of the interval (null with too few returns).</param>
/// <param name="CiHigh">Upper bound of the interval.</param>
/// <param name="Method">How the interval was estimated (block bootstrap, block length, samples, seed).</param>
public sealed record ExcessEstimate(double? Value, double? CiLow, double? CiHigh, string Method);
