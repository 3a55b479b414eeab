namespace TreasuryArena.Core.Identity;

/// <summary>
/// What a key may do: <see cref="Admin"/> operates the platform, <see cref="Treasurer"/> trades and approves for one
/// organisation, <see cref="Viewer"/> reads one organisation.
/// </summary>
public enum Role
{
    Viewer,
    Treasurer,
    Admin,
}
