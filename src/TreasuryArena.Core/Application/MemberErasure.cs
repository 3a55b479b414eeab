using TreasuryArena.Core.Identity;

namespace TreasuryArena.Core.Application;

/// <summary>An erased member (now named by <see cref="Pseudonym"/>) and the API keys revoked (hosts drop them from their caches).</summary>
public sealed record MemberErasure(Member Member, string Pseudonym, IReadOnlyList<Guid> RevokedKeys);
