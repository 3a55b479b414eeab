using System.Globalization;
using TreasuryArena.Infrastructure.Storage;

namespace TreasuryArena.Server.Jobs;

/// <summary>Hourly: HYBRID proposals past their validity expire.</summary>
public sealed class ProposalExpiryJob(TokensRuntime tokens) : IScheduledJob
{
    public string Name => "proposal-expiry";

    public string Description => "Expire HYBRID proposals that were not approved in time";

    public JobSchedule Schedule { get; } = JobSchedule.Every(60);

    public async Task<string> RunAsync(JobContext context, CancellationToken ct)
    {
        var rebalancer = await tokens.RebalancerAsync(null, ct);
        var expired = await rebalancer.ExpireProposalsAsync(ct);
        return string.Create(CultureInfo.InvariantCulture, $"{expired} proposals expired");
    }
}
