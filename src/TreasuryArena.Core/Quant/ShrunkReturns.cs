namespace TreasuryArena.Core.Quant;

/// <summary>
/// Expected annual returns shrunk toward the cross-sectional mean (<see cref="ExpectedReturns.ShrinkTowardMean"/>).
/// </summary>
/// <param name="Values">Annualised expected returns, prior + (1 − intensity) × (sample mean − prior), per asset.</param>
/// <param name="SampleMeans">Each asset's own arithmetic mean return over its history, annualised.</param>
/// <param name="Prior">The cross-sectional mean of the sample means (equal weights), annualised.</param>
/// <param name="Intensity">The positive-part James–Stein shrinkage intensity δ in 0..1 (1: every asset gets the prior).</param>
/// <param name="MinObservations">The fewest returns any asset's mean rests on.</param>
/// <param name="MaxObservations">The most returns any asset's mean rests on.</param>
public sealed record ShrunkReturns(
    double[] Values,
    double[] SampleMeans,
    double Prior,
    double Intensity,
    int MinObservations,
    int MaxObservations);
