namespace TreasuryArena.Core.Identity;

/// <summary>Why a session ended (the <c>end_reason</c> column).</summary>
public static class SessionEndReason
{
    public const string Logout = "logout";
    public const string Revoked = "revoked";
    public const string Idle = "idle";
    public const string Absolute = "absolute";
}
