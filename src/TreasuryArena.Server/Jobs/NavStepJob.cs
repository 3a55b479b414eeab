using System.Globalization;
using TreasuryArena.Infrastructure.Storage;

namespace TreasuryArena.Server.Jobs;

/// <summary>Daily: the NAV engine steps every token's backing portfolio to today (revaluation, lifecycle gates, breakers).</summary>
public sealed class NavStepJob(TokensRuntime tokens) : IScheduledJob
{
    public string Name => "nav-step";

    public string Description => "Step every token's NAV to today: revalue, apply lifecycle gates and the token drawdown breaker";

    public JobSchedule Schedule { get; } = JobSchedule.Daily(0, 5);

    public async Task<string> RunAsync(JobContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var report = await tokens.Nav.RunAsync(context.Today, ct);
        return string.Create(CultureInfo.InvariantCulture, $"NAV stepped to {context.Today:yyyy-MM-dd}: {report}");
    }
}
