using TreasuryArena.Server.Tests.Support;
using Xunit.Abstractions;

namespace TreasuryArena.Server.Tests.Fuzz;

/// <summary>The API fuzz on PostgreSQL (ARENA_TEST_POSTGRES).</summary>
public sealed class ApiFuzzPostgresTests(ITestOutputHelper output) : ApiFuzzSuite(output), IRequiresPostgres
{
    protected override bool UsePostgres => true;
}
