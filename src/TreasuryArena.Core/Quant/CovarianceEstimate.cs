using MathNet.Numerics.LinearAlgebra;

namespace TreasuryArena.Core.Quant;

/// <summary>
/// An annualised covariance matrix with how it was obtained: the method, the Ledoit–Wolf shrinkage intensity when
/// shrunk, a PSD repair when one was needed, and notes (for example missing returns treated as zero).
/// </summary>
public sealed record CovarianceEstimate
{
    public required IReadOnlyList<string> Assets { get; init; }

    /// <summary>Symmetric n × n matrix (MathNet dense; its storage array is shared, do not mutate).</summary>
    public required Matrix<double> Matrix { get; init; }

    public required string Method { get; init; }

    public double? Shrinkage { get; init; }

    public PsdRepair? Repair { get; init; }

    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>The symmetric matrix as a column-major (equivalently row-major) array, not copied.</summary>
    public double[] Values => Matrix.AsColumnMajorArray() ?? Matrix.ToColumnMajorArray();

    public int Size => Assets.Count;
}
