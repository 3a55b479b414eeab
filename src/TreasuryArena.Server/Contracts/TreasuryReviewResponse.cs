using TreasuryArena.Core.Advice;

namespace TreasuryArena.Server.Contracts;

/// <summary>
/// <c>GET /api/treasury/review</c>: the weekly review's figures as the journal stands — hit rate and calibration
/// (confidence against being right) per advisor, the treasury's week against the benchmarks — and the latest journaled
/// weekly commentary (written by the weekly-review job). Reading it changes nothing.
/// </summary>
public sealed record TreasuryReviewResponse(
    DateOnly From,
    DateOnly To,
    decimal TreasuryValue,
    double? TreasuryReturn,
    [property: System.Text.Json.Serialization.JsonPropertyName("static_60_40_return")] double? Static6040Return,
    double? BtcBuyAndHoldReturn,
    IReadOnlyList<TreasuryReviewResponse.Scorecard> Advisors,
    TreasuryReviewResponse.Commentary? LatestReview)
{
    public static TreasuryReviewResponse Create(WeeklyReviewInput input, JournalEntry? latest)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new(
            input.From,
            input.To,
            input.TreasuryValue,
            input.TreasuryReturn,
            input.Static6040Return,
            input.BtcBuyAndHoldReturn,
            input.Scorecards.Select(c => new Scorecard(c.Advisor, c.Decisions, c.Scored, c.Right, c.HitRate, c.MeanConfidence, c.BrierScore,
                c.Calibration.Select(b => new Bucket(b.From, b.To, b.Count, b.MeanConfidence, b.HitRate)).ToList())).ToList(),
            latest is null ? null : new Commentary(latest.Id, latest.AsOf, latest.RecordedAt, latest.Decision.Advisor, latest.Decision.Confidence, latest.Decision.Reasoning));
    }

    /// <summary>One advisor's record: decisions, how many were scored and right, hit rate, mean confidence, Brier score, calibration buckets.</summary>
    public sealed record Scorecard(string Advisor, int Decisions, int Scored, int Right, double? HitRate, double? MeanConfidence, double? BrierScore, IReadOnlyList<Bucket> Calibration);

    /// <summary>Decisions with confidence in [<see cref="From"/>, <see cref="To"/>]: how many, their mean confidence and hit rate.</summary>
    public sealed record Bucket(int From, int To, int Count, double MeanConfidence, double HitRate);

    /// <summary>The latest weekly commentary from the journal.</summary>
    public sealed record Commentary(long Id, DateOnly AsOf, DateTimeOffset RecordedAt, string Advisor, int Confidence, string Reasoning);
}
