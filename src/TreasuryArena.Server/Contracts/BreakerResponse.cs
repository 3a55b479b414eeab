namespace TreasuryArena.Server.Contracts;

/// <summary>A breaker that has fired: <c>token</c> (buys paused) or <c>wallet</c> (FULL_AI moved to HYBRID), with its drawdown against the limit.</summary>
public sealed record BreakerResponse(string Kind, string Subject, string State, decimal? Drawdown, decimal Limit, string? Detail);
