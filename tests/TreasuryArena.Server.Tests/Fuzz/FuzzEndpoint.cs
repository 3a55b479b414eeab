namespace TreasuryArena.Server.Tests.Fuzz;

/// <summary>
/// One endpoint under fuzz: method, path template (placeholders as in <see cref="FuzzStep"/>), who it admits, its body
/// and fields, how often it is drawn, and whether an unknown id in its path is certainly refused.
/// </summary>
public sealed record FuzzEndpoint(string Method, string Path, FuzzAccess Access, FuzzBodyMode Body, int Weight, params FuzzField[] Fields)
{
    public string Label => Method + " " + Path;

    public bool IsRead => Method == "GET";
}
