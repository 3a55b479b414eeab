using System.Globalization;
using System.Text.Json;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Identity;
using TreasuryArena.Core.Wallets.Optimization;

namespace TreasuryArena.Core.Compliance;

/// <summary>
/// The admin's decisions on held trades and held plans, one application-layer call each for the API, the CLI and the
/// hourly job. Release executes a single trade (monitoring waived) or a whole plan (re-checked against current NAVs and
/// the cap, executed whole or not at all); reject drops it; a hold past <see cref="MonitoringRules.HoldLifetime"/>
/// cannot be released: it is expired (audited and notified) instead.
/// </summary>
public sealed class HoldReview(ComplianceService compliance, TradeDesk desk, PlanExecutor plans, MonitoringRules rules, TimeProvider time)
{
    public const string ExpiryActor = "hold-expiry";

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public TimeSpan Lifetime => rules.HoldLifetime;

    /// <summary>Expires every hold pending longer than the lifetime; returns them.</summary>
    public Task<IReadOnlyList<HeldTrade>> ExpireAsync(CancellationToken ct) => compliance.ExpireHoldsAsync(rules.HoldLifetime, ExpiryActor, ct);

    /// <summary>Releases a pending hold (single trade or plan).</summary>
    public async Task<HoldDecision> ReleaseAsync(Caller admin, Guid id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(admin);
        var hold = await PendingAsync(id, ct);
        if (hold.IsPlan)
        {
            var outcome = await plans.ReleaseAsync(hold, admin, ct);
            await compliance.DecideHoldAsync(admin, id, HoldStatus.Released, outcome.Message, ct);
            return new HoldDecision(await compliance.RequireHoldAsync(id, ct), null, outcome.Executions);
        }

        var trade = await desk.ReleaseAsync(hold, admin, ct);
        if (trade is TradeOutcome.Refused)
        {
            // The trade was refused now (token paused, cash gone…): the release is refused and changes nothing, so the
            // hold stays pending for a later release or a reject (the refusal itself is audited by the desk).
            return new HoldDecision(hold, trade, []);
        }

        var result = trade switch
        {
            TradeOutcome.Executed e => JsonSerializer.Serialize(new { cash = e.Result.Cash.Amount, shares = e.Result.Shares.Value, fee = e.Result.Fee.Amount, nav_per_share = e.Result.NavPerShare.Value }, Json),
            TradeOutcome.Refused r => "refused: " + r.Code + ": " + r.Message,
            _ => "not executed",
        };
        await compliance.DecideHoldAsync(admin, id, HoldStatus.Released, result, ct);
        return new HoldDecision(await compliance.RequireHoldAsync(id, ct), trade, []);
    }

    /// <summary>Rejects a pending hold: nothing executes (for a plan, none of its orders).</summary>
    public async Task<HeldTrade> RejectAsync(Caller admin, Guid id, string? reason, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(admin);
        await PendingAsync(id, ct);
        await compliance.DecideHoldAsync(admin, id, HoldStatus.Rejected, reason ?? "rejected by admin", ct);
        return await compliance.RequireHoldAsync(id, ct);
    }

    private async Task<HeldTrade> PendingAsync(Guid id, CancellationToken ct)
    {
        var hold = await compliance.RequireHoldAsync(id, ct);
        if (hold.Status != HoldStatus.Held)
        {
            throw new DomainException(Outcome.HoldAlreadyDecided, $"held trade {id} was already {hold.Status.ToString().ToLowerInvariant()}");
        }

        if (hold.ExpiresAt(rules.HoldLifetime) <= time.GetUtcNow())
        {
            await ExpireAsync(ct);
            throw new DomainException(Outcome.HoldExpired, string.Create(CultureInfo.InvariantCulture,
                $"held trade {id} expired at {hold.ExpiresAt(rules.HoldLifetime):yyyy-MM-dd HH:mm}Z ({rules.HoldLifetime.TotalHours:0.#} h after it was held); nothing executed"));
        }

        return hold;
    }
}
