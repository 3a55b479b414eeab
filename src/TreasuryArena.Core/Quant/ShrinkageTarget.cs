namespace TreasuryArena.Core.Quant;

/// <summary>Ledoit–Wolf shrinkage targets.</summary>
public enum ShrinkageTarget
{
    /// <summary>F = (trace S / n) I (Ledoit–Wolf 2004, "well-conditioned estimator"; scikit-learn's ledoit_wolf).</summary>
    ConstantVariance,

    /// <summary>F = single-index covariance with the equal-weighted market (Ledoit–Wolf 2003).</summary>
    SingleFactor,

    /// <summary>F = sample variances with the average sample correlation (Ledoit–Wolf 2004, "Honey, I shrunk").</summary>
    ConstantCorrelation,
}
