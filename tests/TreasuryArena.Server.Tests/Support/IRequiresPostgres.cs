namespace TreasuryArena.Server.Tests.Support;

/// <summary>Marks a test class that runs the suite against PostgreSQL (skipped when ARENA_TEST_POSTGRES is unset).</summary>
public interface IRequiresPostgres;
