using TreasuryArena.Server.Tests.Support;

namespace TreasuryArena.Server.Tests;

/// <summary>The anonymous rate limit and the refusal summary on PostgreSQL (ARENA_TEST_POSTGRES).</summary>
public sealed class AnonymousRateLimitPostgresTests : AnonymousRateLimitSuite, IRequiresPostgres
{
    protected override bool UsePostgres => true;
}
