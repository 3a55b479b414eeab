namespace TreasuryArena.Server.Tests;

/// <summary>The anonymous rate limit and the refusal summary on SQLite.</summary>
public sealed class AnonymousRateLimitSqliteTests : AnonymousRateLimitSuite
{
    protected override bool UsePostgres => false;
}
