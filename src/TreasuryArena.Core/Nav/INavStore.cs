namespace TreasuryArena.Core.Nav;

/// <summary>Port: the token NAV engine's storage (backings, NAV history, lifecycle events, stored backtests).</summary>
public interface INavStore
{
    Task<IReadOnlyList<TokenBacking>> ListBackingsAsync(CancellationToken ct);

    Task<TokenBacking?> FindBackingAsync(string symbol, CancellationToken ct);

    /// <summary>Adds a backing; false when the symbol already has one.</summary>
    Task<bool> TryAddBackingAsync(TokenBacking backing, string backtestJson, CancellationToken ct);

    Task SetBreakerReferenceAsync(string symbol, DateOnly date, CancellationToken ct);

    /// <summary>Stores a token's derived breaker limit (a token issued before limits were stored gets it once, lazily).</summary>
    Task SetBreakerLimitAsync(string symbol, BreakerLimit limit, CancellationToken ct);

    /// <summary>The stored backtest of a token (JSON), or null.</summary>
    Task<string?> FindBacktestAsync(string symbol, CancellationToken ct);

    /// <summary>A token's history rows, ascending, optionally only the last <paramref name="last"/>.</summary>
    Task<IReadOnlyList<NavHistoryRow>> HistoryAsync(string symbol, int? last, CancellationToken ct);

    /// <summary>Stores rows in one transaction; a row whose (symbol, date) exists already is left as it is.</summary>
    Task AppendAsync(IReadOnlyList<NavHistoryRow> rows, CancellationToken ct);

    /// <summary>Replaces the stored row of (<paramref name="row"/>.Symbol, <paramref name="row"/>.Date) (a fee taken on that date after it was stored).</summary>
    Task ReviseAsync(NavHistoryRow row, CancellationToken ct);

    Task AddEventAsync(LifecycleEvent lifecycleEvent, CancellationToken ct);

    Task<IReadOnlyList<LifecycleEvent>> EventsAsync(string? symbol, CancellationToken ct);
}
