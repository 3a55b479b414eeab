namespace TreasuryArena.Server.Tests.Fuzz;

/// <summary>Whether an endpoint reads a body: none, a required one, or an optional one (a nullable parameter).</summary>
public enum FuzzBodyMode
{
    None,
    Required,
    Optional,
}
