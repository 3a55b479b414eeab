using System.Globalization;
using TreasuryArena.Core.Compliance;

namespace TreasuryArena.Server.Jobs;

/// <summary>Daily: the wallet drawdown breaker (FULL_AI wallets past their limit below their peak move to HYBRID; tripped
/// wallets that recovered or stopped falling return to FULL_AI).</summary>
public sealed class WalletBreakerJob(WalletBreaker breaker) : IScheduledJob
{
    public string Name => "wallet-breaker";

    public string Description => "Move FULL_AI wallets whose value fell past their breaker limit (a multiple of their tolerance's volatility ceiling) to HYBRID; return reviewed ones to FULL_AI";

    public JobSchedule Schedule { get; } = JobSchedule.Daily(0, 20);

    public async Task<string> RunAsync(JobContext context, CancellationToken ct)
    {
        var run = await breaker.RunAsync(ct);
        var parts = new List<string>();
        if (run.Tripped.Count > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{run.Tripped.Count} wallets moved to HYBRID: {string.Join(", ", run.Tripped)}"));
        }

        if (run.Resumed.Count > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{run.Resumed.Count} wallets back to FULL_AI: {string.Join(", ", run.Resumed)}"));
        }

        return parts.Count == 0 ? "no wallet breached its drawdown limit" : string.Join("; ", parts);
    }
}
