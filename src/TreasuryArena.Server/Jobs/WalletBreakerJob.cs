using System.Globalization;
using TreasuryArena.Core.Compliance;

namespace TreasuryArena.Server.Jobs;

/// <summary>Daily: the wallet drawdown breaker (FULL_AI wallets far below their peak move to HYBRID).</summary>
public sealed class WalletBreakerJob(WalletBreaker breaker) : IScheduledJob
{
    public string Name => "wallet-breaker";

    public string Description => "Move FULL_AI wallets whose value fell more than the breaker threshold below their peak to HYBRID";

    public JobSchedule Schedule { get; } = JobSchedule.Daily(0, 20);

    public async Task<string> RunAsync(JobContext context, CancellationToken ct)
    {
        var tripped = await breaker.RunAsync(ct);
        return tripped.Count == 0
            ? "no wallet breached its drawdown limit"
            : string.Create(CultureInfo.InvariantCulture, $"{tripped.Count} wallets moved to HYBRID: {string.Join(", ", tripped)}");
    }
}
