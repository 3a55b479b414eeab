using System.Globalization;
using TreasuryArena.Core.Identity;
using TreasuryArena.Infrastructure.Storage;

namespace TreasuryArena.Server.Jobs;

/// <summary>
/// Hourly: held trades and held rebalance plans not decided within the hold lifetime (default 72 h) expire, each audited
/// (<c>hold.expire</c>) and notified (<c>hold_expired</c>), so holds never pile up silently. The same call as
/// <c>POST /api/admin/holds/expire</c> and <c>arena holds expire</c>.
/// </summary>
public sealed class HoldExpiryJob(TokensRuntime tokens) : IScheduledJob
{
    public string Name => "hold-expiry";

    public string Description => "Expire held trades and plans not decided within the hold lifetime";

    public JobSchedule Schedule { get; } = JobSchedule.Every(60);

    public async Task<string> RunAsync(JobContext context, CancellationToken ct)
    {
        var expired = await tokens.HoldDecisions.ExpireAsync(Caller.Job(Name), ct);
        return string.Create(CultureInfo.InvariantCulture, $"{expired.Count} holds expired");
    }
}
