namespace TreasuryArena.Server.Tests;

/// <summary>The API suite on SQLite.</summary>
public sealed class ApiSqliteTests : ApiSuite
{
    protected override bool UsePostgres => false;
}
