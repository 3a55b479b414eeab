using System.Globalization;
using Dapper;
using TreasuryArena.Core.Compliance;

namespace TreasuryArena.Infrastructure.Platform;

/// <summary>Wallet peaks (migration 0401) and the breaker's open trips (0412).</summary>
public sealed class SqlWalletPeakStore(PlatformDatabase database) : IWalletPeakStore
{
    public async Task<decimal?> GetAsync(string address, CancellationToken ct)
    {
        await using var c = await database.OpenAsync(ct);
        var text = await c.ExecuteScalarAsync<string?>(new CommandDefinition("SELECT peak FROM wallet_peaks WHERE address = @Address", new { Address = address }, cancellationToken: ct));
        return text is null ? null : decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);
    }

    /// <summary>Every recorded peak, by wallet address (one read for the breakers overview).</summary>
    public async Task<IReadOnlyDictionary<string, decimal>> ListAsync(CancellationToken ct)
    {
        await using var c = await database.OpenAsync(ct);
        var rows = await c.QueryAsync<(string Address, string Peak)>(new CommandDefinition("SELECT address, peak FROM wallet_peaks", cancellationToken: ct));
        return rows.ToDictionary(r => r.Address, r => decimal.Parse(r.Peak, NumberStyles.Number, CultureInfo.InvariantCulture), StringComparer.Ordinal);
    }

    public async Task SetAsync(string address, decimal peak, DateTimeOffset at, CancellationToken ct)
    {
        await using var c = await database.OpenAsync(ct);
        await c.ExecuteAsync(new CommandDefinition(
            "INSERT INTO wallet_peaks (address, peak, updated_at) VALUES (@Address, @Peak, @At) ON CONFLICT (address) DO UPDATE SET peak = excluded.peak, updated_at = excluded.updated_at",
            new { Address = address, Peak = peak.ToString(CultureInfo.InvariantCulture), At = Ticks.From(at) },
            cancellationToken: ct));
    }

    public async Task<WalletTrip?> GetTripAsync(string address, CancellationToken ct)
    {
        await using var c = await database.OpenAsync(ct);
        var row = await c.QuerySingleOrDefaultAsync<(long? TripAt, string? Trough, long? TroughAt)>(new CommandDefinition(
            "SELECT trip_at, trough, trough_at FROM wallet_peaks WHERE address = @Address", new { Address = address }, cancellationToken: ct));
        return row is { TripAt: { } at, Trough: { } trough, TroughAt: { } troughAt }
            ? new WalletTrip(Ticks.To(at), decimal.Parse(trough, NumberStyles.Number, CultureInfo.InvariantCulture), Ticks.To(troughAt))
            : null;
    }

    public async Task SetTripAsync(string address, WalletTrip? trip, CancellationToken ct)
    {
        await using var c = await database.OpenAsync(ct);
        var n = await c.ExecuteAsync(new CommandDefinition(
            "UPDATE wallet_peaks SET trip_at = @TripAt, trough = @Trough, trough_at = @TroughAt WHERE address = @Address",
            new
            {
                Address = address,
                TripAt = trip is null ? (long?)null : Ticks.From(trip.At),
                Trough = trip?.Trough.ToString(CultureInfo.InvariantCulture),
                TroughAt = trip is null ? (long?)null : Ticks.From(trip.TroughAt),
            },
            cancellationToken: ct));
        if (n == 0 && trip is not null)
        {
            throw new InvalidOperationException($"wallet {address} has no peak row to record a breaker trip on");
        }
    }
}
