namespace TreasuryArena.Core.Wallets.Optimization;

/// <summary>The optimizer's configurable defaults (section <c>Wallets:Optimizer</c>).</summary>
public sealed record WalletOptimizerOptions
{
    public const string SectionName = "Wallets:Optimizer";

    /// <summary>Days of NAV history the metrics and covariance use (default 90).</summary>
    public int LookbackDays { get; init; } = 90;

    /// <summary>Largest weight of one token (default 20%).</summary>
    public decimal MaxWeight { get; init; } = 0.20m;

    /// <summary>Fewest tokens of a fully invested portfolio (default 5 = 1 / 20%).</summary>
    public int MinHoldings { get; init; } = 5;

    /// <summary>Drift above which a rebalance is due (default 10%).</summary>
    public decimal DriftThreshold { get; init; } = 0.10m;

    /// <summary>Days after the last rebalance when the weekly trigger fires (default 7).</summary>
    public int CalendarDays { get; init; } = 7;

    /// <summary>Risk aversion λ of the certainty equivalent μ − λσ²/2 used to value a rebalance (default 2).</summary>
    public decimal RiskAversion { get; init; } = 2m;

    /// <summary>The horizon (days) over which a rebalance's expected benefit is counted against its cost (default 90).</summary>
    public int BenefitHorizonDays { get; init; } = 90;

    /// <summary>
    /// Costs before trades: a rebalance runs only when its expected benefit is at least this multiple of its estimated
    /// fees (default 2: the benefit must pay the fees twice over, a margin for the estimate's error).
    /// </summary>
    public decimal BenefitCostMultiple { get; init; } = 2m;

    /// <summary>
    /// Costs before trades: no rebalance while the drift from the target (½Σ|w − w*|) is below this (default 2%),
    /// whatever the benefit estimate says, so that small differences are not bought with churn.
    /// </summary>
    public decimal MinRebalanceDrift { get; init; } = 0.02m;

    /// <summary>
    /// Partial rebalancing: a position within this many weight points of its target (and not above
    /// <see cref="MaxWeight"/>) is left alone when trading only the other positions nets more after fees than the full
    /// rebalance (default 2 points; 0 = always trade every position to its target).
    /// </summary>
    public decimal NoTradeBand { get; init; } = 0m;

    /// <summary>
    /// How far above <see cref="MaxWeight"/> a position may be right after a rebalance executed (rounding of shares and
    /// cents; default 0.05 points). Above it the rebalancer sells the excess at once (see <c>WalletRebalancer</c>).
    /// </summary>
    public decimal CapTolerance { get; init; } = 0.0005m;

    /// <summary>Weights below this are treated as zero (default 0.5%).</summary>
    public decimal MinWeight { get; init; } = 0.005m;

    /// <summary>
    /// CONSERVATIVE: tokens with Sharpe &gt; 1 and max drawdown &lt; 20%; the wallet's expected volatility ≤ 15% a year and
    /// at most 30% of it in volatile crypto (the rest in lower-volatility tokens or cash).
    /// </summary>
    public RiskFilterRule Conservative { get; init; } = new(1.0m, 0.20m) { VolatilityCeiling = 0.15m, VolatileShareCap = 0.30m };

    /// <summary>MODERATE: Sharpe &gt; 0.5 and max drawdown &lt; 30%; expected volatility ≤ 30% a year, volatile share ≤ 60%.</summary>
    public RiskFilterRule Moderate { get; init; } = new(0.5m, 0.30m) { VolatilityCeiling = 0.30m, VolatileShareCap = 0.60m };

    /// <summary>AGGRESSIVE: any positive Sharpe; expected volatility ≤ 60% a year, no volatile-share cap.</summary>
    public RiskFilterRule Aggressive { get; init; } = new(0m, null) { VolatilityCeiling = 0.60m };

    /// <summary>
    /// Days of NAV history behind the expected returns (default 365; a younger token uses what it has, at least
    /// <see cref="LookbackDays"/>): each token's mean, shrunk toward the cross-sectional mean (James–Stein).
    /// </summary>
    public int ReturnLookbackDays { get; init; } = 365;

    /// <summary>
    /// Shrinkage intensity at or above which expected returns are treated as uninformative and targets fall back to
    /// minimum variance under the same limits (default 0.95).
    /// </summary>
    public decimal FallbackShrinkage { get; init; } = 0.95m;

    /// <summary>An order is refused when the NAV moved more than this since it was quoted (default 2%).</summary>
    public decimal SlippageTolerance { get; init; } = 0.02m;

    public OrderSizingOptions Sizing { get; init; } = new();

    /// <summary>
    /// Wallets rebalanced at once in a run. Each wallet's orders run one after another (sells first), so this is also
    /// about how many trades share one ledger group commit; reads of wallets and tokens do not block on commits.
    /// </summary>
    public int MaxParallelWallets { get; init; } = 512;

    /// <summary>Allocation snapshots stored per transaction while a run proceeds (each snapshot is one row: atomic per wallet).</summary>
    public int SnapshotBatchSize { get; init; } = 500;
}
