namespace TreasuryArena.Core.Reporting;

/// <summary>No investment policy yet: the 60/40 BTC/T-bill benchmark, monthly expenses not set, no breaches.</summary>
public sealed class DefaultBoardPolicySource : IBoardPolicySource
{
    public Task<BoardPolicy> PolicyAsync(Guid organisationId, CancellationToken ct) => Task.FromResult(BoardPolicy.Default);

    public Task<IReadOnlyList<BoardBreach>> BreachesAsync(Guid organisationId, DateOnly from, DateOnly to, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<BoardBreach>>([]);
}
