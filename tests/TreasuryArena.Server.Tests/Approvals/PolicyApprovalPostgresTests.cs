using TreasuryArena.Server.Tests.Support;

namespace TreasuryArena.Server.Tests.Approvals;

/// <summary>Policy changes, approver role, expiry on read, treasurer's runs and erasure on PostgreSQL (ARENA_TEST_POSTGRES).</summary>
public sealed class PolicyApprovalPostgresTests : PolicyApprovalSuite, IRequiresPostgres
{
    protected override bool UsePostgres => true;
}
