namespace TreasuryArena.Infrastructure.Storage.Backup;

/// <summary>A table as the database declares it: its name and columns in order.</summary>
internal sealed record TableShape(string Name, IReadOnlyList<ColumnShape> Columns);
