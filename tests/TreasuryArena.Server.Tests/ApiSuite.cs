using TreasuryArena.Server.Tests.Support;

namespace TreasuryArena.Server.Tests;

/// <summary>
/// The API suite, run once on SQLite (<see cref="ApiSqliteTests"/>) and once on PostgreSQL
/// (<see cref="ApiPostgresTests"/>, skipped without ARENA_TEST_POSTGRES). Each test gets its own database and host.
/// </summary>
public abstract partial class ApiSuite : ServerTestBase;
