namespace TreasuryArena.Core.Quant;

/// <summary>
/// A covariance that was not positive semidefinite and was repaired by spectral clipping: eigenvalues below zero set to
/// zero, Σ = V diag(max(λ, 0)) Vᵀ (PyPortfolioOpt's "spectral" fix).
/// </summary>
/// <param name="MinEigenvalueBefore">The most negative eigenvalue found.</param>
/// <param name="NegativeEigenvalues">How many eigenvalues were below zero.</param>
/// <param name="FrobeniusChange">‖Σ_repaired - Σ‖_F.</param>
public sealed record PsdRepair(double MinEigenvalueBefore, int NegativeEigenvalues, double FrobeniusChange);
