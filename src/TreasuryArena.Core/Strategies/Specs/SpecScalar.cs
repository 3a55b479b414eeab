namespace TreasuryArena.Core.Strategies.Specs;

/// <summary>A scalar from a spec file with the line it came from. Numbers may be written <c>$param</c>.</summary>
public sealed record SpecScalar(string Text, int Line);
