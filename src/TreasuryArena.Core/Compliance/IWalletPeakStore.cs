namespace TreasuryArena.Core.Compliance;

/// <summary>Port: the highest value each wallet has reached, for the wallet drawdown breaker.</summary>
public interface IWalletPeakStore
{
    Task<decimal?> GetAsync(string address, CancellationToken ct);

    Task SetAsync(string address, decimal peak, DateTimeOffset at, CancellationToken ct);
}
