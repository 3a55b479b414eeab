namespace TreasuryArena.Core.Quant;

/// <summary>What <see cref="RiskLimitedAllocation.Solve"/> found.</summary>
/// <param name="Weights">Asset weights (same order as the input), each in 0..its upper bound.</param>
/// <param name="Cash">The rest, 1 − Σ weights.</param>
/// <param name="ExpectedReturn">μᵀw with the input's expected returns (cash earns nothing).</param>
/// <param name="Volatility">√(wᵀΣw) with the input's covariance.</param>
/// <param name="Exposure">eᵀw, the exposure the cap limits.</param>
/// <param name="CeilingBinds">True when the volatility ceiling limits the solution (within 0.01%).</param>
/// <param name="ExposureBinds">True when the exposure cap limits the solution (within 0.01%).</param>
/// <param name="Iterations">Active-set iterations over every solve.</param>
public sealed record RiskLimitedResult(
    double[] Weights,
    double Cash,
    double ExpectedReturn,
    double Volatility,
    double Exposure,
    bool CeilingBinds,
    bool ExposureBinds,
    int Iterations);
