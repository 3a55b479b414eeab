using System.Globalization;
using TreasuryArena.Core.Tokens;
using TreasuryArena.Infrastructure.Storage;

namespace TreasuryArena.Server.Jobs;

/// <summary>
/// Daily: accrues each live token's management fee (and crystallises the performance fee when a period ended) in the
/// ledger, through yesterday — the last complete day: a quarter is crystallised once its last day is over, at the
/// last NAV the ledger holds for it. Tokens the NAV step already accrued through yesterday are left as they are.
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
        var asOf = context.Today.AddDays(-1);
        var accrued = 0;
        var refused = new List<string>();
        var total = 0m;
        foreach (var token in ledger.ListTokens().Where(t => t.Token.Status != TokenStatus.Retired && t.Token.LastFeeDate < asOf))
        {
            var rate = tokens.Hurdles.DailyRate(token.Token.Fees.Hurdle, asOf);
            var result = await ledger.AccrueFeesAsync(token.Token.Symbol, asOf, $"job:fees:{token.Token.Symbol}:{asOf:yyyy-MM-dd}", rate, closesPeriod: false, ct);
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

        return string.Create(CultureInfo.InvariantCulture, $"{accrued} tokens accrued ${total:0.00} in fees through {asOf:yyyy-MM-dd}") + (refused.Count > 0 ? "; refused: " + string.Join("; ", refused) : "");
    }
}
