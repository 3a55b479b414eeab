namespace TreasuryArena.Infrastructure.Tests.Storage;

/// <summary>
/// A fact that runs only when <c>ARENA_TEST_POSTGRES</c> holds a PostgreSQL connection string (CI sets it); otherwise
/// it is reported as skipped, never silently passed. Use <see cref="PostgresTestDatabase"/> for a private database.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public const string Variable = "ARENA_TEST_POSTGRES";

    public PostgresFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Variable)))
        {
            Skip = $"{Variable} is not set (PostgreSQL tests need a server; see scripts/test.sh)";
        }
    }
}
