using TreasuryArena.Core.Tokens;

namespace TreasuryArena.Server.Contracts;

/// <summary>A token's drawdown breaker: drawdown from its NAV peak (latest NAV step; null before the first), the limit, and whether buys are paused.</summary>
public sealed record TokenBreakerResponse(string Symbol, TokenStatus Status, decimal Nav, decimal? Drawdown, decimal Limit, bool Tripped, string? Reason);
