namespace TreasuryArena.Infrastructure.Storage;

/// <summary>One versioned SQL script for one provider.</summary>
public sealed record Migration(int Version, string Name, string Sql);
