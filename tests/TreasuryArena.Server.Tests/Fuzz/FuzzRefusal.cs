namespace TreasuryArena.Server.Tests.Fuzz;

/// <summary>Whether a generated part certainly makes the request refused: never, always, or unless the caller is the admin (who sees every wallet).</summary>
public enum FuzzRefusal
{
    None,
    UnlessAdmin,
    Always,
}
