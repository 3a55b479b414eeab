using TreasuryArena.Core.Application;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Compliance;
using TreasuryArena.Core.Identity;
using TreasuryArena.Infrastructure.Platform;
using TreasuryArena.Infrastructure.Storage;

namespace TreasuryArena.Cli;

/// <summary>
/// The admin verbs' services over one database, without the web host: the same use cases (and the same audit
/// chain) the API calls, from the same composition root. Dispose to flush the audit writer.
/// </summary>
internal sealed class PlatformCli : IAsyncDisposable
{
    private readonly CliServices _host;
    private readonly Lazy<PolicyUseCases> _policies;

    private PlatformCli(CliServices host)
    {
        _host = host;
        Platform = host.Get<PlatformDatabase>();
        IdentityStore = host.Get<SqlIdentityStore>();
        ComplianceStore = host.Get<SqlComplianceStore>();
        Audit = host.Get<SqlAuditLog>();
        Identity = host.Get<IdentityService>();
        Compliance = host.Get<ComplianceService>();
        _policies = new Lazy<PolicyUseCases>(host.Get<PolicyUseCases>);
        Documents = host.Get<ComplianceDocumentUseCases>();
        Exporter = host.Get<OrganisationExporter>();
    }

    public ComplianceDocumentUseCases Documents { get; }

    public OrganisationExporter Exporter { get; }

    public PlatformDatabase Platform { get; }

    public SqlIdentityStore IdentityStore { get; }

    public SqlComplianceStore ComplianceStore { get; }

    public SqlAuditLog Audit { get; }

    public IdentityService Identity { get; }

    public ComplianceService Compliance { get; }

    /// <summary>The organisations' IPSs (resolved on first use: it opens the ledger).</summary>
    public PolicyUseCases Policies => _policies.Value;

    /// <summary>The services over <paramref name="db"/>, resolved from the verb's host (the composition root).</summary>
    public static async Task<PlatformCli> OpenAsync(string? db, CancellationToken ct) => new(await CliHost.OpenAsync(db, ct));

    /// <summary>Who the verb acts as, as the audit chain names them: the operator at the shell, or the <c>--as-key</c> member (<see cref="CliCaller"/>).</summary>
    public static Caller Operator => CliCaller.Current;

    public async Task<Organisation> RequireOrganisationAsync(string name, CancellationToken ct) =>
        await IdentityStore.FindOrganisationByNameAsync(name, ct) ?? throw new CliException($"no organisation named '{name}'", Outcome.OrganisationNotFound);

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
