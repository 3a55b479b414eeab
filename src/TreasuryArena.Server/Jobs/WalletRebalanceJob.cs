using System.Globalization;
using TreasuryArena.Infrastructure.Storage;

namespace TreasuryArena.Server.Jobs;

/// <summary>
/// Daily: the wallet optimizer over every wallet — FULL_AI wallets rebalance (weekly or on drift, through the trade
/// desk and its compliance gate), HYBRID wallets get a proposal to approve, MANUAL wallets a suggestion only.
/// </summary>
public sealed class WalletRebalanceJob(TokensRuntime tokens) : IScheduledJob
{
    public string Name => "wallet-rebalance";

    public string Description => "Run the wallet optimizer: rebalance FULL_AI wallets, propose for HYBRID wallets";

    public JobSchedule Schedule { get; } = JobSchedule.Daily(0, 30);

    public async Task<string> RunAsync(JobContext context, CancellationToken ct)
    {
        var rebalancer = await tokens.RebalancerAsync(null, ct);
        var results = await rebalancer.RebalanceAsync(null, dryRun: false, null, ct);
        var byAction = results.GroupBy(r => r.Action).Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key} {g.Count()}"));
        return string.Create(CultureInfo.InvariantCulture, $"{results.Count} wallets: {string.Join(", ", byAction)}");
    }
}
