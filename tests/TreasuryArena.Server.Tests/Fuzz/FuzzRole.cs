namespace TreasuryArena.Server.Tests.Fuzz;

/// <summary>Who sends a fuzzed request: the platform admin, organisation A's treasurer or viewer, organisation B's treasurer, or nobody valid.</summary>
public enum FuzzRole
{
    Admin,
    Treasurer,
    Viewer,
    OtherTreasurer,
    BadKey,
    Anonymous,
    MalformedAuth,
}
