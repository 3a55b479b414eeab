using System.Globalization;
using System.Text.Json;
using TreasuryArena.Core.Audit;
using TreasuryArena.Core.Ledger;
using TreasuryArena.Core.Wallets;

namespace TreasuryArena.Core.Compliance;

/// <summary>
/// The wallet drawdown breaker: tracks each wallet's peak value and moves a FULL_AI wallet to HYBRID when its value
/// falls more than <see cref="MonitoringRules.WalletDrawdownBreaker"/> below that peak, so a person approves every
/// further trade. The switch is audited and notified.
/// </summary>
public sealed class WalletBreaker(LedgerService ledger, TradeDesk desk, IWalletPeakStore peaks, IAuditLog audit, INotifier notifier, MonitoringRules rules, TimeProvider time)
{
    /// <summary>Checks every wallet; returns the addresses moved to HYBRID.</summary>
    public Task<IReadOnlyList<string>> RunAsync(CancellationToken ct) => RunAsync(null, ct);

    /// <summary>Checks the given wallets (every wallet when <paramref name="addresses"/> is null; the evaluation replay
    /// guards its optimizer wallets only); returns the addresses moved to HYBRID.</summary>
    public async Task<IReadOnlyList<string>> RunAsync(IReadOnlyCollection<string>? addresses, CancellationToken ct)
    {
        var tripped = new List<string>();
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
            if (value > peak)
            {
                await peaks.SetAsync(wallet.Address, value, now, ct);
                continue;
            }

            if (wallet.Mode != WalletMode.FullAi || !ComplianceRules.WalletDrawdownTrips(peak, value, rules.WalletDrawdownBreaker))
            {
                continue;
            }

            var result = await ledger.UpdateWalletAsync(wallet.Address, WalletMode.Hybrid, wallet.Risk, ct);
            if (!result.Accepted)
            {
                continue;
            }

            var drawdown = (peak - value) / peak;
            var message = string.Create(CultureInfo.InvariantCulture, $"wallet value ${value:0.00} is {drawdown * 100m:0.0}% below its peak ${peak:0.00} (limit {rules.WalletDrawdownBreaker * 100m:0.#}%): moved from FULL_AI to HYBRID");
            await audit.AppendAsync(
                new AuditRecord("job:wallet-breaker", "wallet.breaker", wallet.Address, AuditOutcome.Done, JsonSerializer.Serialize(new Dictionary<string, string>
                {
                    ["peak"] = peak.ToString(CultureInfo.InvariantCulture),
                    ["value"] = value.ToString(CultureInfo.InvariantCulture),
                    ["from"] = "full_ai",
                    ["to"] = "hybrid",
                })),
                ct);
            await notifier.NotifyAsync(new Notification("wallet_drawdown_breaker", wallet.Address, message, now, Guid.TryParse(wallet.Organisation, out var org) ? org : null), ct);
            tripped.Add(wallet.Address);
        }

        return tripped;
    }
}
