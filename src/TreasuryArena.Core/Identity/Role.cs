namespace TreasuryArena.Core.Identity;

/// <summary>
/// What a key may do: <see cref="Admin"/> operates the platform, <see cref="Treasurer"/> trades and approves for one
/// organisation, <see cref="Viewer"/> reads one organisation, <see cref="Approver"/> (a trustee) reads one organisation,
/// proposes policy changes and gives or refuses the second approval of a two-person request, but never trades.
/// Stored as lowercase text, so members are only ever appended.
/// </summary>
public enum Role
{
    Viewer,
    Treasurer,
    Admin,
    Approver,
}
