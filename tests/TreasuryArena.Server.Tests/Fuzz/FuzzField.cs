namespace TreasuryArena.Server.Tests.Fuzz;

/// <summary>A property of a request body: its JSON name, what it holds, whether the record requires it (no default value).</summary>
public sealed record FuzzField(string Name, FuzzFieldKind Kind, bool Required, int MaxLength = 0);
