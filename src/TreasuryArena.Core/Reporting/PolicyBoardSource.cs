using System.Globalization;
using TreasuryArena.Core.Policy;

namespace TreasuryArena.Core.Reporting;

/// <summary>
/// The board report's benchmark and monthly expenses from the organisation's investment policy (<see cref="IPolicyStore"/>;
/// the platform default, 60/40 BTC/T-bill with expenses not set, when it has none), and the breaches the daily scan
/// recorded in the period (<see cref="IPolicyBreachStore"/>): one line per clause and token for each unbroken run of days,
/// dated on its first day, with the last day's figures and remedy.
/// </summary>
public sealed class PolicyBoardSource(IPolicyStore policies, IPolicyBreachStore? breaches = null) : IBoardPolicySource
{
    public async Task<BoardPolicy> PolicyAsync(Guid organisationId, CancellationToken ct)
    {
        if (await policies.CurrentAsync(organisationId, ct) is not { } version)
        {
            return BoardPolicy.Default;
        }

        var policy = version.Policy;
        var expenses = policy.MonthlyExpenses > 0m ? policy.MonthlyExpenses : (decimal?)null;
        return policy.Benchmark == PolicyBenchmark.TBill
            ? new BoardPolicy("T-bill", 0m, expenses)
            : new BoardPolicy(BoardPolicy.Default.Benchmark, BoardPolicy.Default.BenchmarkBtcShare, expenses);
    }

    public async Task<IReadOnlyList<BoardBreach>> BreachesAsync(Guid organisationId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        if (breaches is null)
        {
            return [];
        }

        var list = new List<BoardBreach>();
        foreach (var run in Runs(await breaches.ListAsync(organisationId, from, to, ct)))
        {
            var (first, last, days) = (run[0], run[^1], run.Count);
            var span = days == 1 ? "" : string.Create(CultureInfo.InvariantCulture, $" (found on {days} days, {first.AsOf:yyyy-MM-dd} to {last.AsOf:yyyy-MM-dd})");
            list.Add(new BoardBreach(first.AsOf, last.Breach.Clause, last.Breach.Message + span, last.Breach.Remedy));
        }

        return [.. list.OrderBy(b => b.Date).ThenBy(b => b.Clause, StringComparer.Ordinal)];
    }

    /// <summary>The recorded breaches grouped by clause and token into runs of consecutive days.</summary>
    private static IEnumerable<List<RecordedBreach>> Runs(IReadOnlyList<RecordedBreach> recorded)
    {
        foreach (var group in recorded.GroupBy(r => (r.Breach.Clause, r.Breach.Symbol)))
        {
            List<RecordedBreach>? run = null;
            foreach (var r in group.OrderBy(r => r.AsOf))
            {
                if (run is not null && r.AsOf.DayNumber - run[^1].AsOf.DayNumber > 1)
                {
                    yield return run;
                    run = null;
                }

                (run ??= []).Add(r);
            }

            if (run is not null)
            {
                yield return run;
            }
        }
    }
}
