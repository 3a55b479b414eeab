namespace TreasuryArena.Server.Tests.Approvals;

/// <summary>Two-person approval on SQLite.</summary>
public sealed class DualControlSqliteTests : DualControlSuite
{
    protected override bool UsePostgres => false;
}
