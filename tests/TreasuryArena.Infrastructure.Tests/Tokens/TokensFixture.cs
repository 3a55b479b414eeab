using TreasuryArena.Core.Compliance;
using TreasuryArena.Core.Identity;
using TreasuryArena.Core.Wallets;
using TreasuryArena.Infrastructure.MarketData.History;
using TreasuryArena.Infrastructure.Notifications;
using TreasuryArena.Infrastructure.Storage;
using TreasuryArena.Infrastructure.Tests.MarketData;
using TreasuryArena.Infrastructure.Tests.Storage;

namespace TreasuryArena.Infrastructure.Tests.Tokens;

/// <summary>A SQLite database with organisations of each plan, verified and attested, over the shipped history.</summary>
internal sealed class TokensFixture : IAsyncDisposable
{
    private readonly TempDirectory _dir = new();

    private TokensFixture(ManualTimeProvider clock) => Clock = clock;

    public ManualTimeProvider Clock { get; }

    public TokensRuntime Runtime { get; private set; } = null!;

    public string DatabasePath => Path.Combine(_dir.Path, "arena.db");

    public Dictionary<Plan, Guid> Orgs { get; } = [];

    public static async Task<TokensFixture> CreateAsync(TokensSettings? settings = null)
    {
        var f = new TokensFixture(new ManualTimeProvider(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero)));
        var db = await ArenaDatabase.OpenAsync(f.DatabasePath, f.Clock);
        f.Runtime = await TokensRuntime.OpenAsync(db, HistoryLoader.Load(HistoryLocator.Find()), f.Clock, settings: settings);
        var admin = new Caller(Guid.NewGuid(), Guid.NewGuid(), "admin", null, Role.Admin);
        var compliance = new ComplianceService(f.Runtime.ComplianceStore, f.Runtime.Identity, f.Runtime.Audit, new StoredNotifier(f.Runtime.ComplianceStore), f.Clock);
        await compliance.PublishDisclosureAsync(admin, "v1", "Strategy tokens can lose value.", CancellationToken.None);
        foreach (var plan in Enum.GetValues<Plan>())
        {
            var org = new Organisation(Guid.NewGuid(), "Church " + plan, OrganisationType.Church, plan, OrganisationStatus.Pending, f.Clock.GetUtcNow());
            Assert.True(await f.Runtime.Identity.TryAddOrganisationAsync(org, CancellationToken.None));
            await compliance.VerifyAsync(admin, org.Id, "church", "EIN-" + plan, "reviewer", CancellationToken.None);
            var treasurer = new Caller(Guid.NewGuid(), Guid.NewGuid(), "treasurer", org.Id, Role.Treasurer);
            await compliance.AttestAsync(treasurer, org.Id, "v1", "Treasurer " + plan, CancellationToken.None);
            f.Orgs[plan] = org.Id;
        }

        return f;
    }

    public Task<string> WalletAsync(Plan plan, WalletMode mode, RiskTolerance risk, decimal deposit) =>
        Runtime.CreateWalletAsync(Caller.Operator("tests"), Orgs[plan].ToString(), mode, risk, deposit, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await Runtime.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }
}
