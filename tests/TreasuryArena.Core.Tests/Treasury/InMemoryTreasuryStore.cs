using TreasuryArena.Core.Ledger;
using TreasuryArena.Core.Treasury;

namespace TreasuryArena.Core.Tests.Treasury;

/// <summary>The real <see cref="LedgerTreasuryStore"/> over an in-memory ledger, remembering what was saved.</summary>
internal sealed class InMemoryTreasuryStore : ITreasuryStore, ITreasuryStateStore
{
    private TreasuryState? _state;
    private TreasuryMemory? _memory;

    public InMemoryLedgerJournal Journal { get; } = new();

    public LedgerService Ledger { get; }

    public InMemoryTreasuryStore() => Ledger = LedgerService.InMemory(TimeProvider.System, Journal);

    /// <summary>The options the store posts with (organisation, initial capital); set by the test before use.</summary>
    public TreasuryOptions Options { get; set; } = new();

    public TreasuryPortfolio? Portfolio { get; private set; }

    public List<Fill> Fills { get; } = [];

    public Task<TreasuryPortfolio?> LoadAsync(CancellationToken cancellationToken) => Store().LoadAsync(cancellationToken);

    public async Task SaveAsync(TreasuryPortfolio portfolio, IReadOnlyList<Fill> fills, TreasuryMarks marks, CancellationToken cancellationToken)
    {
        await Store().SaveAsync(portfolio, fills, marks, cancellationToken);
        Portfolio = portfolio;
        Fills.AddRange(fills);
    }

    Task<TreasuryState?> ITreasuryStateStore.LoadAsync(CancellationToken cancellationToken) => Task.FromResult(_state);

    Task ITreasuryStateStore.SaveAsync(TreasuryState state, CancellationToken cancellationToken)
    {
        _state = state;
        return Task.CompletedTask;
    }

    public Task<TreasuryMemory> LoadMemoryAsync(CancellationToken cancellationToken) => Store().LoadMemoryAsync(cancellationToken);

    public Task SaveMemoryAsync(TreasuryMemory memory, CancellationToken cancellationToken) => Store().SaveMemoryAsync(memory, cancellationToken);

    Task<TreasuryMemory?> ITreasuryStateStore.LoadMemoryAsync(CancellationToken cancellationToken) => Task.FromResult(_memory);

    Task ITreasuryStateStore.SaveMemoryAsync(TreasuryMemory memory, CancellationToken cancellationToken)
    {
        _memory = memory;
        return Task.CompletedTask;
    }

    private LedgerTreasuryStore Store() => new(Ledger, this, Options);
}
