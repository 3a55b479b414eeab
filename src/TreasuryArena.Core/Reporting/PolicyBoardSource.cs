using TreasuryArena.Core.Policy;

namespace TreasuryArena.Core.Reporting;

/// <summary>
/// The board report's benchmark and monthly expenses from the organisation's investment policy (<see cref="IPolicyStore"/>;
/// the platform default, 60/40 BTC/T-bill with expenses not set, when it has none). Breaches are not yet recorded with
/// their dates, so a period's list stays empty (the live list is <c>GET /api/orgs/me/policy/breaches</c>).
/// </summary>
public sealed class PolicyBoardSource(IPolicyStore policies) : IBoardPolicySource
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

    public Task<IReadOnlyList<BoardBreach>> BreachesAsync(Guid organisationId, DateOnly from, DateOnly to, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<BoardBreach>>([]);
}
