using TreasuryArena.Core.Tokens;

namespace TreasuryArena.Server.Contracts;

/// <summary>
/// A token's drawdown breaker: drawdown from its live peak (latest NAV step; null before the first), its own limit and
/// where it came from (<see cref="LimitSource"/>, described in <see cref="LimitDescription"/>), whether the breaker
/// paused it (<c>tripped</c>: its state is <c>tripped</c>), the pause's reason, and while paused the automatic review's progress (<see cref="Review"/>).
/// </summary>
public sealed record TokenBreakerResponse(
    string Symbol,
    TokenStatus Status,
    decimal Nav,
    decimal? Drawdown,
    decimal Limit,
    bool Tripped,
    string? Reason,
    string? LimitSource = null,
    string? LimitDescription = null,
    string? Review = null)
{
    /// <summary>The token's full breaker from Core (<see cref="TokenBreakerInfoResponse"/>, as on its info page): state, peak, tripped_at, the NAV that trips or resumes it and the rule in words; null without a backing.</summary>
    public TokenBreakerInfoResponse? Breaker { get; init; }
}
