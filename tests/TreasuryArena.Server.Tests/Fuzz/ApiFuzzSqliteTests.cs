using Xunit.Abstractions;

namespace TreasuryArena.Server.Tests.Fuzz;

/// <summary>The API fuzz on SQLite.</summary>
public sealed class ApiFuzzSqliteTests(ITestOutputHelper output) : ApiFuzzSuite(output)
{
    protected override bool UsePostgres => false;
}
