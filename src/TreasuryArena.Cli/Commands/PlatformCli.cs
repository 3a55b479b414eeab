using TreasuryArena.Core.Common;
using TreasuryArena.Core.Compliance;
using TreasuryArena.Core.Identity;
using TreasuryArena.Infrastructure.Notifications;
using TreasuryArena.Infrastructure.Platform;
using TreasuryArena.Infrastructure.Storage;

namespace TreasuryArena.Cli;

/// <summary>
/// The admin verbs' services over one database, without the web host: the same use cases (and the same audit
/// chain) the API calls. Dispose to flush the audit writer.
/// </summary>
internal sealed class PlatformCli : IAsyncDisposable
{
    private PlatformCli(ArenaDatabase database)
    {
        var time = TimeProvider.System;
        Platform = new PlatformDatabase(database);
        IdentityStore = new SqlIdentityStore(Platform);
        ComplianceStore = new SqlComplianceStore(Platform);
        Audit = new SqlAuditLog(Platform, time);
        Identity = new IdentityService(IdentityStore, Audit, time);
        Compliance = new ComplianceService(ComplianceStore, IdentityStore, Audit, new StoredNotifier(ComplianceStore, null), time);
    }

    public PlatformDatabase Platform { get; }

    public SqlIdentityStore IdentityStore { get; }

    public SqlComplianceStore ComplianceStore { get; }

    public SqlAuditLog Audit { get; }

    public IdentityService Identity { get; }

    public ComplianceService Compliance { get; }

    public static async Task<PlatformCli> OpenAsync(string? db, CancellationToken ct) => new(await CliDatabase.OpenAsync(db, ct));

    /// <summary>The operator at the shell, as the audit chain names them.</summary>
    public static Caller Operator => Caller.Operator("cli:" + Environment.UserName);

    public async Task<Organisation> RequireOrganisationAsync(string name, CancellationToken ct) =>
        await IdentityStore.FindOrganisationByNameAsync(name, ct) ?? throw new CliException($"no organisation named '{name}'", Outcome.OrganisationNotFound);

    public ValueTask DisposeAsync() => Audit.DisposeAsync();
}
