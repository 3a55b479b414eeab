namespace TreasuryArena.Server.Contracts;

/// <summary>202 answer to a trade that transaction monitoring held for admin review.</summary>
public sealed record HeldTradeResponse(string Status, Guid HoldId, IReadOnlyList<string> Reasons);
