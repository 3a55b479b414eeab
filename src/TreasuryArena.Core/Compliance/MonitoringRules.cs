namespace TreasuryArena.Core.Compliance;

/// <summary>
/// Transaction-monitoring thresholds: a trade above any of them is held for admin review instead of executing.
/// A value of zero switches that rule off.
/// </summary>
public sealed record MonitoringRules
{
    /// <summary>A single trade worth more than this many USD is held (default $25,000).</summary>
    public decimal MaxTradeUsd { get; init; } = 25_000m;

    /// <summary>A single trade worth more than this fraction of the wallet is held (default 25%).</summary>
    public decimal MaxWalletFraction { get; init; } = 0.25m;

    /// <summary>More trades than this in one UTC day for one wallet are held (default 50).</summary>
    public int MaxTradesPerDay { get; init; } = 50;

    /// <summary>
    /// How long a held trade or held plan waits for an admin's decision before it expires (default 72 hours): expiry
    /// executes nothing, is audited and notified, and the hold shows as <c>expired</c>.
    /// </summary>
    public TimeSpan HoldLifetime { get; init; } = TimeSpan.FromHours(72);

    /// <summary>
    /// The floor of a wallet's drawdown breaker limit (default 15%): the limit is <see cref="WalletBreakerVolatilityMultiple"/>
    /// × its tolerance's volatility ceiling, never below this (<see cref="WalletBreakerLimit"/>).
    /// </summary>
    public decimal WalletDrawdownBreaker { get; init; } = 0.15m;

    /// <summary>A wallet's breaker limit as a multiple of its tolerance's annual volatility ceiling (default 1.5).</summary>
    public decimal WalletBreakerVolatilityMultiple { get; init; } = 1.5m;

    /// <summary>The cap of a wallet's breaker limit (default 50%).</summary>
    public decimal WalletBreakerCap { get; init; } = 0.50m;

    /// <summary>
    /// A wallet the breaker moved to HYBRID returns to FULL_AI once its value is back this fraction of the way from its
    /// trough to the peak it tripped from (default 0.5), as a paused token resumes.
    /// </summary>
    public decimal WalletResumeRecoveryFraction { get; init; } = 0.5m;

    /// <summary>…or once it has made no new low for this many days (default 90).</summary>
    public int WalletResumeCoolingOffDays { get; init; } = 90;
}
