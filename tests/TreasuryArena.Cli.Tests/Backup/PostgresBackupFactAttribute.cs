namespace TreasuryArena.Cli.Tests.Backup;

/// <summary>A fact that needs the PostgreSQL test server: reported as skipped (never passed) when <c>ARENA_TEST_POSTGRES</c> is unset.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresBackupFactAttribute : FactAttribute
{
    public PostgresBackupFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(BackupDatabases.PostgresVariable)))
        {
            Skip = $"{BackupDatabases.PostgresVariable} is not set (the PostgreSQL backup tests need a server)";
        }
    }
}
