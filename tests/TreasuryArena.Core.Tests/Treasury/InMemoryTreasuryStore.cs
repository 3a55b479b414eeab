using TreasuryArena.Core.Treasury;

namespace TreasuryArena.Core.Tests.Treasury;

internal sealed class InMemoryTreasuryStore : ITreasuryStore
{
    public TreasuryPortfolio? Portfolio { get; private set; }

    public List<Fill> Fills { get; } = [];

    public Task<TreasuryPortfolio?> LoadAsync(CancellationToken cancellationToken) => Task.FromResult(Portfolio);

    public Task SaveAsync(TreasuryPortfolio portfolio, IReadOnlyList<Fill> fills, CancellationToken cancellationToken)
    {
        Portfolio = portfolio;
        Fills.AddRange(fills);
        return Task.CompletedTask;
    }
}
