using System.Globalization;
using System.Text.Json;

namespace TreasuryArena.Infrastructure.MarketData.Live;

/// <summary>Binance USDⓈ-M futures funding history and premium index (API-FORMATS §4–5): decimal strings, ms times.</summary>
public sealed class BinanceClient(HttpClient http, MarketDataQuality quality, TimeProvider time)
{
    public const string Source = "binance";

    /// <summary>Funding settlements from <paramref name="startTime"/> (inclusive), ascending, at most <paramref name="limit"/> (≤ 1000).</summary>
    public async Task<IReadOnlyList<FundingRatePoint>> GetFundingRatesAsync(string symbol, DateTimeOffset? startTime, int limit, CancellationToken ct)
    {
        var uri = string.Create(CultureInfo.InvariantCulture, $"fapi/v1/fundingRate?symbol={Uri.EscapeDataString(symbol)}&limit={Math.Clamp(limit, 1, 1000)}");
        if (startTime is { } s)
        {
            uri += string.Create(CultureInfo.InvariantCulture, $"&startTime={s.ToUnixTimeMilliseconds()}");
        }

        using var doc = await SourceRequest.GetJsonAsync(http, Source, uri, quality, ct);
        if (doc.RootElement.ValueKind != JsonValueKind.Array)
        {
            throw SourceRequest.Schema(quality, Source, "fundingRate did not return an array");
        }

        var now = time.GetUtcNow();
        var points = new List<FundingRatePoint>();
        foreach (var item in doc.RootElement.EnumerateArray())
        {
            var rate = JsonValues.Property(item, "fundingRate");
            var t = JsonValues.Property(item, "fundingTime");
            var badRate = ValueChecks.Finite(rate);
            if (badRate is not null || t is null)
            {
                quality.Reject(Source, "funding record", t is null ? "missing field (fundingTime)" : $"fundingRate {badRate}");
                continue;
            }

            var at = DateTimeOffset.FromUnixTimeMilliseconds((long)t.Value);
            if (ValueChecks.Timestamp(at, now) is { } future)
            {
                quality.Reject(Source, "funding record", future);
                continue;
            }

            points.Add(new FundingRatePoint(at, rate!.Value));
        }

        quality.Success(Source);
        return points;
    }

    public async Task<PremiumIndex> GetPremiumIndexAsync(string symbol, CancellationToken ct)
    {
        using var doc = await SourceRequest.GetJsonAsync(http, Source, $"fapi/v1/premiumIndex?symbol={Uri.EscapeDataString(symbol)}", quality, ct);
        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw SourceRequest.Schema(quality, Source, $"premiumIndex returned a {root.ValueKind}, expected an object");
        }

        foreach (var field in (string[])["markPrice", "indexPrice", "lastFundingRate", "nextFundingTime", "time"])
        {
            if (!JsonValues.Has(root, field))
            {
                throw SourceRequest.Schema(quality, Source, $"premiumIndex is missing `{field}`");
            }
        }

        var mark = JsonValues.Property(root, "markPrice");
        var index = JsonValues.Property(root, "indexPrice");
        var rate = JsonValues.Property(root, "lastFundingRate");
        var reason = ValueChecks.Price(mark) is { } m ? $"markPrice {m}" : ValueChecks.Price(index) is { } i ? $"indexPrice {i}" : ValueChecks.Finite(rate) is { } r ? $"lastFundingRate {r}" : null;
        var at = DateTimeOffset.FromUnixTimeMilliseconds((long)(JsonValues.Property(root, "time") ?? 0));
        reason ??= ValueChecks.Timestamp(at, time.GetUtcNow());
        if (reason is not null)
        {
            quality.Reject(Source, "premiumIndex", reason);
            throw new Core.Ports.MarketDataException(Source, Core.Ports.MarketDataFailure.Invalid, $"premiumIndex rejected: {reason}");
        }

        quality.Success(Source);
        return new PremiumIndex(
            symbol,
            mark!.Value,
            index!.Value,
            rate!.Value,
            DateTimeOffset.FromUnixTimeMilliseconds((long)(JsonValues.Property(root, "nextFundingTime") ?? 0)),
            at);
    }
}
