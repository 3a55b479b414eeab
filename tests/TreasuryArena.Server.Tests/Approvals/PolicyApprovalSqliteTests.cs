namespace TreasuryArena.Server.Tests.Approvals;

/// <summary>Policy changes, approver role, expiry on read, treasurer's runs and erasure on SQLite.</summary>
public sealed class PolicyApprovalSqliteTests : PolicyApprovalSuite
{
    protected override bool UsePostgres => false;
}
