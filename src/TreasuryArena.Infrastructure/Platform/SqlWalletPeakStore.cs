using System.Globalization;
using Dapper;
using TreasuryArena.Core.Compliance;

namespace TreasuryArena.Infrastructure.Platform;

/// <summary>Wallet peaks (migration 0401).</summary>
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
}
