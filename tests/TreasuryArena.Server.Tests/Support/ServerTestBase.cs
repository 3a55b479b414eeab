namespace TreasuryArena.Server.Tests.Support;

/// <summary>One host over one throw-away database per test (xunit makes a class instance per test).</summary>
#pragma warning disable CA1001 // Disposed by xunit through IAsyncLifetime.DisposeAsync.
public abstract class ServerTestBase : IAsyncLifetime
#pragma warning restore CA1001
{
    private TestDatabase? _database;
    private ArenaFactory? _factory;

    protected abstract bool UsePostgres { get; }

    /// <summary>Test settings; the daily-trades monitoring limit is raised so bulk tests are not held (its rule has its own tests).</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Arena:HoldTradesPerDayAbove"] = "100000" };

    protected ArenaFactory Factory => _factory ?? throw new InvalidOperationException("not initialised");

    protected TestDatabase Database => _database ?? throw new InvalidOperationException("not initialised");

    protected HttpClient Admin() => Factory.ClientWithKey(ArenaFactory.AdminKey);

    public async Task InitializeAsync()
    {
        if (UsePostgres && string.IsNullOrWhiteSpace(TestDatabase.PostgresConnectionString))
        {
            return;
        }

        _database = await TestDatabase.CreateAsync(UsePostgres);
        _factory = new ArenaFactory(_database.Connection, new FakeClock(), Settings);
        _ = _factory.Server;
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
