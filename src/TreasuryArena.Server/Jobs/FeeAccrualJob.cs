using System.Globalization;
using TreasuryArena.Core.Ledger;
using TreasuryArena.Core.Tokens;

namespace TreasuryArena.Server.Jobs;

/// <summary>Daily: accrues each live token's management fee (and crystallises the performance fee when due) in the ledger.</summary>
public sealed class FeeAccrualJob(LedgerService ledger) : IScheduledJob
{
    public string Name => "fee-accrual";

    public string Description => "Accrue management fees and crystallise performance fees for every non-retired token";

    public JobSchedule Schedule { get; } = JobSchedule.Daily(0, 10);

    public async Task<string> RunAsync(JobContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var accrued = 0;
        var refused = new List<string>();
        var total = 0m;
        foreach (var token in ledger.ListTokens().Where(t => t.Token.Status != TokenStatus.Retired))
        {
            var result = await ledger.AccrueFeesAsync(token.Token.Symbol, context.Today, $"job:fees:{token.Token.Symbol}:{context.Today:yyyy-MM-dd}", ct);
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

        return string.Create(CultureInfo.InvariantCulture, $"{accrued} tokens accrued ${total:0.00} in fees") + (refused.Count > 0 ? "; refused: " + string.Join("; ", refused) : "");
    }
}
