namespace TreasuryArena.Infrastructure.Tests.Storage;

/// <summary>The theory form of <see cref="PostgresFactAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class PostgresTheoryAttribute : TheoryAttribute
{
    public PostgresTheoryAttribute()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresFactAttribute.Variable)))
        {
            Skip = $"{PostgresFactAttribute.Variable} is not set (PostgreSQL tests need a server; see scripts/test.sh)";
        }
    }
}
