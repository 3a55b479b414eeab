using TreasuryArena.Core.Advice;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Treasury;

namespace TreasuryArena.Core.Evaluation;

/// <summary>
/// The managed treasury stepped day by day through the production <see cref="TreasuryManager"/>: each day the scheduled
/// daily analysis (<see cref="TreasuryManager.RunDailyAsync"/>: market assessment from the intelligence layer as of the
/// day, plan to target, the advisor's decision, guardrails, and in FULL_AI mode the advisor-reviewed execution on the
/// paper venue, all journaled), then the treasury marked to market. The manager must run in FULL_AI mode for its rules
/// to act on their own (in HYBRID every trade waits for a person). Orders approved on a day fill at the next bar (the
/// next day's close), when the next day's run settles them, exactly as in the live paper mode.
/// </summary>
public sealed class TreasuryReplay(TreasuryManager manager, IDecisionJournal journal)
{
    private readonly List<DateOnly> _dates = [];
    private readonly List<double> _values = [];
    private readonly List<decimal> _drifts = [];
    private readonly List<decimal> _cash = [];
    private decimal? _queuedDrift;

    public TreasuryOptions Options => manager.Options;

    public decimal FeesPaid { get; private set; }

    public double Traded { get; private set; }

    public int Rebalances { get; private set; }

    /// <summary>Marks the starting value on the day before the window (the default portfolio opened at inception).</summary>
    public async Task StartAsync(DateOnly start, CancellationToken ct)
    {
        var status = await manager.StatusAsync(start, ct);
        _dates.Add(start);
        _values.Add(AnalyticsBoundary.ToDouble(status.Valuation.TotalValue));
    }

    public async Task StepAsync(DateOnly date, CancellationToken ct)
    {
        var (daily, executed) = await manager.RunDailyAsync(date, ct);

        // Orders decided on a day fill at the next bar, in the next day's run (settled before the day's decision), so
        // the drift "before the rebalance" is the one the deciding day saw.
        var fills = daily.Fills.Concat(executed?.Fills ?? []).ToList();
        if (fills.Count > 0)
        {
            _drifts.Add(_queuedDrift ?? daily.Status.Valuation.Drift);
            Rebalances++;
            foreach (var f in fills)
            {
                Traded += AnalyticsBoundary.ToDouble(f.Notional);
                FeesPaid += f.Fee + f.Slippage;
            }
        }

        var decided = executed?.Queued is not null ? executed : daily.Queued is not null ? daily : null;
        _queuedDrift = decided?.Status.Valuation.Drift;
        var valuation = daily.Status.Valuation;
        _dates.Add(date);
        _values.Add(AnalyticsBoundary.ToDouble(valuation.TotalValue));
        _cash.Add(valuation.CashWeight);
    }

    public ValueSeries Series => new(_dates.ToList(), _values.ToList());

    /// <summary>Average share of the treasury held as cash at the end of each replayed day.</summary>
    public double? AverageCashShare => _cash.Count > 0 ? AnalyticsBoundary.ToDouble(_cash.Average()) : null;

    public double? DriftBeforeRebalance => _drifts.Count > 0 ? AnalyticsBoundary.ToDouble(_drifts.Average()) : null;

    /// <summary>The journaled decisions that traded, oldest first, with the journal's measured outcome where its horizon has passed.</summary>
    public async Task<IReadOnlyList<TreasuryCall>> CallsAsync(CancellationToken ct)
    {
        var entries = await journal.ListAsync(100_000, ct);
        return entries.Where(e => e.Executed)
            .OrderBy(e => e.AsOf).ThenBy(e => e.Id)
            .Select(e => new TreasuryCall(e.AsOf, e.Decision.Action.ToString().ToLowerInvariant(), e.Decision.Reasoning, e.Outcome?.Summary,
                e.Outcome is { } o ? o.ValueIfActed - o.ValueIfNot : null))
            .ToList();
    }
}
