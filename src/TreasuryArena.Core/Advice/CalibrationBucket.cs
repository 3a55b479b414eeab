namespace TreasuryArena.Core.Advice;

/// <summary>Scored decisions whose confidence fell in [<paramref name="From"/>, <paramref name="To"/>): how many, their mean confidence and how often they were right.</summary>
public sealed record CalibrationBucket(int From, int To, int Count, double MeanConfidence, double HitRate);
