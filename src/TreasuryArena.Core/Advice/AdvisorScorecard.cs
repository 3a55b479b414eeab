namespace TreasuryArena.Core.Advice;

/// <summary>
/// How one advisor's scored calls turned out: the hit rate, the mean confidence, the Brier score
/// (mean of (confidence/100 − right)², lower is better) and the calibration table by confidence bucket.
/// </summary>
public sealed record AdvisorScorecard(
    string Advisor,
    int Decisions,
    int Scored,
    int Right,
    double? HitRate,
    double? MeanConfidence,
    double? BrierScore,
    IReadOnlyList<CalibrationBucket> Calibration);
