using TreasuryArena.Server.Tests.Support;

namespace TreasuryArena.Server.Tests.Approvals;

/// <summary>Two-person approval on PostgreSQL (ARENA_TEST_POSTGRES).</summary>
public sealed class DualControlPostgresTests : DualControlSuite, IRequiresPostgres
{
    protected override bool UsePostgres => true;
}
