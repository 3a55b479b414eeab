using TreasuryArena.Server.Tests.Support;

namespace TreasuryArena.Server.Tests;

/// <summary>The API suite on PostgreSQL (ARENA_TEST_POSTGRES).</summary>
public sealed class ApiPostgresTests : ApiSuite, IRequiresPostgres
{
    protected override bool UsePostgres => true;
}
