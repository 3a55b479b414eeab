namespace TreasuryArena.Server.Contracts;

/// <summary>The erased member: their id, the pseudonym now shown for them and how many keys were revoked.</summary>
public sealed record EraseMemberResponse(Guid MemberId, string Pseudonym, int KeysRevoked);
