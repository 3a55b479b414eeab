using System.ComponentModel.DataAnnotations;

namespace TreasuryArena.Infrastructure.Http;

/// <summary>
/// <c>Http:Resilience</c>: the policy of the shared <see cref="ResilienceHandler"/> used by every outbound HTTP client
/// (market data, the Claude advisor, the webhook notifier). Each named client gets its own circuit breaker.
/// </summary>
public sealed class HttpResilienceOptions
{
    public const string SectionName = "Http:Resilience";

    /// <summary>Timeout of one attempt.</summary>
    [Range(0.05, 300)]
    public double AttemptTimeoutSeconds { get; set; } = 10;

    /// <summary>Timeout of the whole call including retries and their delays.</summary>
    [Range(0.1, 900)]
    public double TotalTimeoutSeconds { get; set; } = 30;

    /// <summary>Retries after the first attempt, for network errors, timeouts, 408, 429 and 5xx.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>Base delay of the exponential backoff (with jitter).</summary>
    [Range(0, 60_000)]
    public int BaseDelayMilliseconds { get; set; } = 500;

    /// <summary>A <c>Retry-After</c> longer than this is not waited for: the 429/503 response is returned as is.</summary>
    [Range(0, 3600)]
    public double MaxRetryAfterSeconds { get; set; } = 30;

    /// <summary>The breaker opens when at least this fraction of calls fail within the sampling window…</summary>
    [Range(0.01, 1.0)]
    public double BreakerFailureRatio { get; set; } = 0.5;

    /// <summary>…and at least this many calls were made in it.</summary>
    [Range(2, 10_000)]
    public int BreakerMinimumThroughput { get; set; } = 5;

    [Range(0.5, 3600)]
    public double BreakerSamplingSeconds { get; set; } = 30;

    /// <summary>How long the breaker stays open before letting a trial call through.</summary>
    [Range(0.5, 3600)]
    public double BreakDurationSeconds { get; set; } = 30;
}
