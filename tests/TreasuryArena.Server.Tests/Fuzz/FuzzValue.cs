namespace TreasuryArena.Server.Tests.Fuzz;

/// <summary>A generated JSON value (raw text, placeholders allowed), its class, and when it is certainly refused.</summary>
public sealed record FuzzValue(string Json, string Class, FuzzRefusal Refusal = FuzzRefusal.None);
