using System.Globalization;
using System.Text.Json;
using TreasuryArena.Core.Audit;
using TreasuryArena.Core.Ledger;
using TreasuryArena.Core.Quant;
using TreasuryArena.Core.Wallets;
using TreasuryArena.Core.Wallets.Optimization;

namespace TreasuryArena.Core.Compliance;

/// <summary>
/// The wallet drawdown breaker: tracks each wallet's peak value and moves a FULL_AI wallet to HYBRID when its value
/// falls its own limit below that peak (<see cref="WalletBreakerLimit"/>: a multiple of its tolerance's volatility
/// ceiling, floored and capped), so a person approves every further trade. Nothing is sold by a trip. A wallet the breaker
/// moved is reviewed on every pass: it returns to FULL_AI once its value is back
/// <see cref="MonitoringRules.WalletResumeRecoveryFraction"/> of the way from its trough to the peak, or has made no new
/// low for <see cref="MonitoringRules.WalletResumeCoolingOffDays"/> days, and its peak restarts from there. A person who
/// changes the mode of a tripped wallet ends the review (their choice stands). Every trip and restore is audited and
/// notified.
/// </summary>
public sealed class WalletBreaker(LedgerService ledger, TradeDesk desk, IWalletPeakStore peaks, IAuditLog audit, INotifier notifier, MonitoringRules rules, WalletOptimizerOptions optimizer, TimeProvider time)
{
    private const string Actor = "job:wallet-breaker";

    /// <summary>How far below the recorded trough a value must fall to count as a new low (1%).</summary>
    public const decimal NewLowMargin = 0.01m;

    /// <summary>Checks every wallet.</summary>
    public Task<WalletBreakerRun> RunAsync(CancellationToken ct) => RunAsync(null, ct);

    /// <summary>Checks the given wallets (every wallet when <paramref name="addresses"/> is null; the evaluation replay
    /// guards its optimizer wallets only).</summary>
    public async Task<WalletBreakerRun> RunAsync(IReadOnlyCollection<string>? addresses, CancellationToken ct)
    {
        var tripped = new List<string>();
        var resumed = new List<string>();
        var now = time.GetUtcNow();
        foreach (var wallet in ledger.ListWallets().Where(w => addresses is null || addresses.Contains(w.Address)))
        {
            var view = ledger.GetWallet(wallet.Address);
            if (view is null)
            {
                continue;
            }

            var value = desk.WalletValue(view);
            var peak = await peaks.GetAsync(wallet.Address, ct) ?? 0m;
            var limit = WalletBreakerLimit.For(wallet.Risk, rules, optimizer);
            if (await peaks.GetTripAsync(wallet.Address, ct) is { } trip)
            {
                if (wallet.Mode != WalletMode.Hybrid)
                {
                    // A person moved the wallet on: the breaker's review ends, their choice stands.
                    await peaks.SetTripAsync(wallet.Address, null, ct);
                }
                else
                {
                    if (await ReviewAsync(wallet, trip, peak, value, limit, now, ct))
                    {
                        resumed.Add(wallet.Address);
                    }

                    continue;
                }
            }

            if (value > peak)
            {
                await peaks.SetAsync(wallet.Address, value, now, ct);
                continue;
            }

            if (wallet.Mode != WalletMode.FullAi || !ComplianceRules.WalletDrawdownTrips(peak, value, limit.Limit))
            {
                continue;
            }

            var result = await ledger.UpdateWalletAsync(wallet.Address, WalletMode.Hybrid, wallet.Risk, ct);
            if (!result.Accepted)
            {
                continue;
            }

            await peaks.SetTripAsync(wallet.Address, new WalletTrip(now, value, now), ct);
            var drawdown = Drawdowns.BelowPeak(peak, value) ?? 0m;
            var message = Inv($"wallet value ${value:0.00} is {drawdown * 100m:0.0}% below its peak ${peak:0.00} (limit {limit.Describe()}): moved from FULL_AI to HYBRID; nothing was sold. It returns to FULL_AI once back {rules.WalletResumeRecoveryFraction * 100m:0.#}% of the way to the peak or after {rules.WalletResumeCoolingOffDays} days without a new low.");
            await RecordAsync("wallet.breaker", "wallet_drawdown_breaker", wallet, message, now, new Dictionary<string, string>
            {
                ["peak"] = Inv($"{peak}"),
                ["value"] = Inv($"{value}"),
                ["limit"] = Inv($"{limit.Limit}"),
                ["limit_source"] = limit.Describe(),
                ["from"] = "full_ai",
                ["to"] = "hybrid",
            }, ct);
            tripped.Add(wallet.Address);
        }

        return new WalletBreakerRun(tripped, resumed);
    }

    /// <summary>The review of a tripped wallet still in HYBRID: tracks the trough; restores FULL_AI on recovery or cooling-off.</summary>
    private async Task<bool> ReviewAsync(Wallet wallet, WalletTrip trip, decimal peak, decimal value, WalletBreakerLimit limit, DateTimeOffset now, CancellationToken ct)
    {
        // A new low is a value more than 1% below the recorded trough: management fees alone lower a flat wallet a
        // little every day, which must not restart the cooling-off clock for ever.
        if (value < trip.Trough * (1m - NewLowMargin))
        {
            trip = trip with { Trough = value, TroughAt = now };
            await peaks.SetTripAsync(wallet.Address, trip, ct);
        }

        var resumeAt = Nav.LifecycleGates.ResumeLevel(peak, trip.Trough, rules.WalletResumeRecoveryFraction);
        var quietDays = (now - trip.TroughAt).TotalDays;
        var recovered = value >= resumeAt;
        if (!recovered && quietDays < rules.WalletResumeCoolingOffDays)
        {
            return false;
        }

        var result = await ledger.UpdateWalletAsync(wallet.Address, WalletMode.FullAi, wallet.Risk, ct);
        if (!result.Accepted)
        {
            return false;
        }

        await peaks.SetTripAsync(wallet.Address, null, ct);
        await peaks.SetAsync(wallet.Address, value, now, ct);
        var why = recovered
            ? Inv($"its value ${value:0.00} is back {rules.WalletResumeRecoveryFraction * 100m:0.#}% of the way from the trough ${trip.Trough:0.00} to the peak ${peak:0.00} (${resumeAt:0.00})")
            : Inv($"it has made no new low for {rules.WalletResumeCoolingOffDays} days (trough ${trip.Trough:0.00} on {trip.TroughAt:yyyy-MM-dd})");
        var message = Inv($"wallet breaker review: {why}; moved from HYBRID back to FULL_AI, the peak restarts at ${value:0.00} (limit {limit.Describe()}).");
        await RecordAsync("wallet.breaker_resume", "wallet_breaker_resumed", wallet, message, now, new Dictionary<string, string>
        {
            ["peak"] = Inv($"{peak}"),
            ["value"] = Inv($"{value}"),
            ["trough"] = Inv($"{trip.Trough}"),
            ["resume_at"] = Inv($"{resumeAt}"),
            ["rule"] = recovered ? "recovery" : "cooling_off",
            ["from"] = "hybrid",
            ["to"] = "full_ai",
        }, ct);
        return true;
    }

    private async Task RecordAsync(string action, string kind, Wallet wallet, string message, DateTimeOffset now, Dictionary<string, string> detail, CancellationToken ct)
    {
        await audit.AppendAsync(new AuditRecord(Actor, action, wallet.Address, AuditOutcome.Done, JsonSerializer.Serialize(detail)), ct);
        await notifier.NotifyAsync(new Notification(kind, wallet.Address, message, now, Guid.TryParse(wallet.Organisation, out var org) ? org : null), ct);
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
