using System.ComponentModel.DataAnnotations;

namespace TreasuryArena.Infrastructure.Advice;

/// <summary>
/// The Claude advisor (section <c>Anthropic</c>; environment variables <c>Anthropic__ApiKey</c>, …). Without an
/// <see cref="ApiKey"/> the Claude advisor is not used and the rule advisor decides alone.
/// </summary>
public sealed class AnthropicOptions
{
    public const string SectionName = "Anthropic";

    public string? ApiKey { get; init; }

    /// <summary>The API base URL (default: the SDK's, https://api.anthropic.com).</summary>
    public string? BaseUrl { get; init; }

    [Required]
    public string Model { get; init; } = "claude-sonnet-4-5";

    /// <summary>The whole call's budget, retries included.</summary>
    [Range(1, 600)]
    public int TimeoutSeconds { get; init; } = 30;

    [Range(64, 64_000)]
    public int MaxTokens { get; init; } = 1_024;

    /// <summary>Input plus output tokens allowed per UTC day; past it the rule decision stands.</summary>
    [Range(0, long.MaxValue)]
    public long DailyTokenBudget { get; init; } = 200_000;

    /// <summary>Retries of a 429/5xx answer (529 overloaded included), through the shared resilience handler: each waits
    /// for <c>retry-after</c> when the server gives one (never past <see cref="TimeoutSeconds"/>), else an exponential backoff.</summary>
    [Range(0, 5)]
    public int MaxRetries { get; init; } = 2;

    /// <summary>Backoff before a retry when the server gives no <c>retry-after</c>, doubled per attempt.</summary>
    [Range(0, 60_000)]
    public int RetryBaseDelayMilliseconds { get; init; } = 1_000;

    public bool Enabled => !string.IsNullOrWhiteSpace(ApiKey);
}
