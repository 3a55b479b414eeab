using TreasuryArena.Core.Compliance;
using TreasuryArena.Core.Ledger;
using TreasuryArena.Core.Nav;
using TreasuryArena.Core.Wallets;
using TreasuryArena.Core.Wallets.Optimization;

namespace TreasuryArena.Core.Evaluation;

/// <summary>
/// Port: the production use cases an evaluation drives, wired by a composition root over a scratch store (the CLI uses a
/// temporary SQLite database, as <c>arena demo</c> does). Nothing here is an evaluation-only re-implementation: the NAV
/// engine, the issuer, the ledger, the trade desk and the wallet rebalancer are the ones the server runs.
/// </summary>
public interface IEvaluationPlatform
{
    LedgerService Ledger { get; }

    NavEngine Nav { get; }

    TokenIssuer Issuer { get; }

    /// <summary>The one trade path (compliance gate, then ledger).</summary>
    TradeDesk Desk { get; }

    /// <summary>The optimizer options the rebalancer runs with (the evaluation sets the calendar to its schedule).</summary>
    WalletOptimizerOptions Optimizer { get; }

    /// <summary>The wallet drawdown breaker's limit (fraction of the peak; the monitoring rules' setting).</summary>
    decimal WalletBreakerDrawdown { get; }

    /// <summary>The verified, attested organisation that owns the evaluation's wallets.</summary>
    Guid OrganisationId { get; }

    /// <summary>A token's stored NAV history, ascending.</summary>
    Task<IReadOnlyList<NavHistoryRow>> HistoryAsync(string symbol, CancellationToken ct);

    /// <summary>A token's lifecycle events (breaker pauses, promotions), ascending.</summary>
    Task<IReadOnlyList<LifecycleEvent>> EventsAsync(string symbol, CancellationToken ct);

    /// <summary>Creates a wallet of the organisation and deposits <paramref name="deposit"/> USD; returns its address.</summary>
    Task<string> CreateWalletAsync(WalletMode mode, RiskTolerance risk, decimal deposit, CancellationToken ct);

    /// <summary>
    /// The wallet drawdown breaker's daily check (the production <see cref="Compliance.WalletBreaker"/>, as the server's
    /// <c>wallet-breaker</c> job runs it, on the platform's peak store, audit log and notifier) over <paramref name="addresses"/>;
    /// returns the wallets it moved from FULL_AI to HYBRID, with the peak and value that tripped it, and the wallets its
    /// review returned to FULL_AI.
    /// </summary>
    Task<(IReadOnlyList<(string Address, WalletBreakerTrip Trip)> Tripped, IReadOnlyList<string> Resumed)> WalletBreakerAsync(IReadOnlyCollection<string> addresses, DateOnly date, CancellationToken ct);

    /// <summary>The wallet rebalancer over the token universe as of the latest NAV date (the production run: trailing window only).</summary>
    Task<WalletRebalancer> RebalancerAsync(CancellationToken ct);
}
