using TreasuryArena.Core.Tokens;

namespace TreasuryArena.Core.Nav;

/// <summary>A recorded status change of a token: who or what changed it, on which NAV date, and why.</summary>
public sealed record LifecycleEvent(
    string Symbol,
    DateOnly Date,
    TokenStatus From,
    TokenStatus To,
    string Actor,
    string Reason,
    DateTimeOffset At);
