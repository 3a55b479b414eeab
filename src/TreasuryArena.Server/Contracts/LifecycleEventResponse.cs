using TreasuryArena.Core.Tokens;

namespace TreasuryArena.Server.Contracts;

/// <summary>A token status change with who made it and why.</summary>
public sealed record LifecycleEventResponse(DateOnly Date, TokenStatus From, TokenStatus To, string Actor, string Reason);
