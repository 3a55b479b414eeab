using Xunit.Sdk;

namespace TreasuryArena.Server.Tests.Support;

/// <summary>
/// A fact that runs once per database: in a class marked <see cref="IRequiresPostgres"/> it is reported as skipped
/// (with the reason) when <c>ARENA_TEST_POSTGRES</c> is unset, so one suite covers SQLite and PostgreSQL.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
[XunitTestCaseDiscoverer("TreasuryArena.Server.Tests.Support.DbFactDiscoverer", "TreasuryArena.Server.Tests")]
public sealed class DbFactAttribute : FactAttribute;
