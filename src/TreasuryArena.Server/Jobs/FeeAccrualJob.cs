using System.Globalization;
using TreasuryArena.Core.Tokens;
using TreasuryArena.Infrastructure.Storage;

namespace TreasuryArena.Server.Jobs;

/// <summary>
/// Daily: accrues each live token's management fee (and crystallises the performance fee when a period ended) in the
/// ledger, through yesterday — the last complete day — but never past the token's last NAV date: fees accrue per NAV
/// day, so when market data ends (the shipped history: ETH 2026-02-22, BTC 2026-04-13) no fee is charged on days
/// without prices (before, the job charged a NAV dated 2026-04-13 about 238 days of fees through the wall clock). A
/// token without any NAV yet accrues nothing. Tokens the NAV step already accrued are left as they are.
/// A T-bill hurdle grows at the shipped T-bill history's rate.
/// </summary>
public sealed class FeeAccrualJob(TokensRuntime tokens) : IScheduledJob
{
    public string Name => "fee-accrual";

    public string Description => "Accrue management fees and crystallise performance fees for every non-retired token";

    public JobSchedule Schedule { get; } = JobSchedule.Daily(0, 10);

    public async Task<string> RunAsync(JobContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var ledger = tokens.Ledger;
        var yesterday = context.Today.AddDays(-1);
        var accrued = 0;
        var refused = new List<string>();
        var unpriced = new List<string>();
        var total = 0m;
        foreach (var token in ledger.ListTokens().Where(t => t.Token.Status != TokenStatus.Retired && t.Token.LastFeeDate < yesterday))
        {
            var last = await tokens.NavStore.HistoryAsync(token.Token.Symbol, 1, ct);
            var asOf = last.Count == 0 ? (DateOnly?)null : (last[0].Date < yesterday ? last[0].Date : yesterday);
            if (asOf is not { } through || token.Token.LastFeeDate >= through)
            {
                unpriced.Add(token.Token.Symbol);
                continue;
            }

            var rate = tokens.Hurdles.DailyRate(token.Token.Fees.Hurdle, through);
            var result = await ledger.AccrueFeesAsync(token.Token.Symbol, through, $"job:fees:{token.Token.Symbol}:{through:yyyy-MM-dd}", rate, closesPeriod: false, ct);
            if (result.Accepted)
            {
                accrued++;
                total += result.Fee.Amount;
            }
            else
            {
                refused.Add(token.Token.Symbol + ": " + result.Message);
            }
        }

        return string.Create(CultureInfo.InvariantCulture, $"{accrued} tokens accrued ${total:0.00} in fees through {yesterday:yyyy-MM-dd} at the latest")
            + (unpriced.Count > 0 ? "; no NAV day to accrue (fees stop at the last NAV date): " + string.Join(", ", unpriced) : "")
            + (refused.Count > 0 ? "; refused: " + string.Join("; ", refused) : "");
    }
}
