namespace TreasuryArena.Infrastructure.Storage;

/// <summary>The two supported databases.</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
