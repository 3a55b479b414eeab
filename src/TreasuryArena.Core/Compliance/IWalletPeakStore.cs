namespace TreasuryArena.Core.Compliance;

/// <summary>Port: the highest value each wallet has reached, for the wallet drawdown breaker.</summary>
public interface IWalletPeakStore
{
    Task<decimal?> GetAsync(string address, CancellationToken ct);

    Task SetAsync(string address, decimal peak, DateTimeOffset at, CancellationToken ct);

    /// <summary>The breaker's open trip of the wallet (null when the breaker has not moved it, or a review or a person ended it).</summary>
    Task<WalletTrip?> GetTripAsync(string address, CancellationToken ct);

    /// <summary>Records (or with null clears) the wallet's open trip; the wallet's peak row exists (the breaker set it first).</summary>
    Task SetTripAsync(string address, WalletTrip? trip, CancellationToken ct);
}
