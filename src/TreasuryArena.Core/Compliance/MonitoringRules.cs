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

    /// <summary>Wallet drawdown from its peak value that moves a FULL_AI wallet to HYBRID (default 15%).</summary>
    public decimal WalletDrawdownBreaker { get; init; } = 0.15m;
}
