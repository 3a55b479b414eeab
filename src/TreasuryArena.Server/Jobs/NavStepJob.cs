using System.Globalization;
using TreasuryArena.Core.Identity;
using TreasuryArena.Core.Ports;
using TreasuryArena.Infrastructure.Storage;

namespace TreasuryArena.Server.Jobs;

/// <summary>
/// Daily: the NAV engine steps every token's backing portfolio to the platform date of the business clock
/// (revaluation, fees, lifecycle gates, breakers), never to the wall-clock date: in history mode the platform date is
/// the last day with complete market data (2026-02-22 on the shipped history), so no NAV, fee or period close is dated
/// on a day the platform has no prices for; in live mode it is today. A token whose own data ends earlier stops there.
/// Through <see cref="Core.Application.NavUseCases"/> (the CLI's <c>arena nav</c> too), audited <c>nav.step</c>.
/// </summary>
public sealed class NavStepJob(TokensRuntime tokens) : IScheduledJob
{
    public string Name => "nav-step";

    public string Description => "Step every token's NAV to the platform date: revalue, apply lifecycle gates and the token drawdown breaker";

    public JobSchedule Schedule { get; } = JobSchedule.Daily(0, 5);

    public async Task<string> RunAsync(JobContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var to = PlatformDate(tokens.Clock, context);
        var step = await tokens.NavSteps.StepAsync(Caller.Job(Name), to, ct);
        return string.Create(CultureInfo.InvariantCulture, $"NAV stepped to {step.To:yyyy-MM-dd} (platform date, {tokens.Clock.Mode}): {step.Report}");
    }

    /// <summary>The platform date, never after the run's own date.</summary>
    internal static DateOnly PlatformDate(IBusinessClock clock, JobContext context) => clock.Today < context.Today ? clock.Today : context.Today;
}
