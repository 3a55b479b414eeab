using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using TreasuryArena.Core.Tokens;

namespace TreasuryArena.Server.Contracts;

/// <summary>
/// A token in full (<c>GET /api/tokens/{symbol}/info</c>, and the admin lifecycle answers): the list's
/// <see cref="TokenSummaryResponse"/> plus the NAV history (every stored day, with fees and rolling figures), the
/// lifecycle events and the metrics table.
/// </summary>
public sealed record TokenResponse : TokenSummaryResponse
{
    public TokenResponse()
    {
    }

    [SetsRequiredMembers]
    public TokenResponse(TokenSummaryResponse summary)
        : base(summary)
    {
    }

    [JsonPropertyOrder(1)]
    public IReadOnlyList<NavPointResponse>? NavHistory { get; init; }

    [JsonPropertyOrder(1)]
    public IReadOnlyList<LifecycleEventResponse>? Lifecycle { get; init; }

    [JsonPropertyOrder(1)]
    public IReadOnlyDictionary<string, decimal?>? Metrics { get; init; }

    [JsonPropertyOrder(1)]
    [System.ComponentModel.Description("For a proving token: why the promotion gate has not promoted it yet (track record, an undefined or low Sharpe, drawdown); null otherwise.")]
    public string? ProvingReason { get; init; }

    [JsonPropertyOrder(1)]
    [System.ComponentModel.Description("The drawdown breaker: its limit and where it came from, the live peak and drawdown, and while paused the automatic review's progress; null for a token without a backing.")]
    public TokenBreakerInfoResponse? Breaker { get; init; }

    /// <summary>The ledger's figures of a token, without stored history (the admin lifecycle answers).</summary>
    public static new TokenResponse From(TokenView v) => new(TokenSummaryResponse.From(v));
}
