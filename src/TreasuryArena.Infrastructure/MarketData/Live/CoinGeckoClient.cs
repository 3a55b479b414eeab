using System.Globalization;
using System.Text.Json;

namespace TreasuryArena.Infrastructure.MarketData.Live;

/// <summary>
/// CoinGecko <c>simple/price</c> and <c>coins/{id}/market_chart</c> (API-FORMATS §1–2). Prices must be finite and
/// positive and timestamps not in the future; a bad point is dropped and counted, a bad shape rejects the response.
/// </summary>
public sealed class CoinGeckoClient(HttpClient http, MarketDataQuality quality, TimeProvider time)
{
    public const string Source = "coingecko";

    public async Task<IReadOnlyList<PriceQuote>> GetSimplePriceAsync(IReadOnlyList<string> ids, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var uri = $"simple/price?ids={Uri.EscapeDataString(string.Join(',', ids))}&vs_currencies=usd&include_24hr_change=true&include_last_updated_at=true";
        using var doc = await SourceRequest.GetJsonAsync(http, Source, uri, quality, ct);
        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw SourceRequest.Schema(quality, Source, $"simple/price returned a {root.ValueKind}, expected an object keyed by coin id");
        }

        var now = time.GetUtcNow();
        var quotes = new List<PriceQuote>();
        foreach (var id in ids)
        {
            if (!root.TryGetProperty(id, out var coin) || coin.ValueKind != JsonValueKind.Object)
            {
                quality.Reject(Source, $"{id} quote", "missing field");
                continue;
            }

            var usd = JsonValues.Property(coin, "usd");
            if (ValueChecks.Price(usd) is { } bad)
            {
                quality.Reject(Source, $"{id} price", bad);
                continue;
            }

            DateTimeOffset? updated = null;
            if (JsonValues.Property(coin, "last_updated_at") is { } s)
            {
                updated = DateTimeOffset.FromUnixTimeSeconds((long)s);
                if (ValueChecks.Timestamp(updated.Value, now) is { } future)
                {
                    quality.Reject(Source, $"{id} quote", future);
                    continue;
                }
            }

            var change = JsonValues.Property(coin, "usd_24h_change");
            quotes.Add(new PriceQuote(id, usd!.Value, change is { } c && double.IsFinite(c) ? c / 100 : null, updated));
        }

        quality.Success(Source);
        return quotes;
    }

    /// <summary>
    /// Daily closes for <paramref name="days"/> days (or <c>max</c>). A point stamped D 00:00 UTC is the price at the start
    /// of D, roughly D−1's close, so it is re-dated to D−1; an intraday last point (not at 00:00) is dropped.
    /// </summary>
    public async Task<IReadOnlyList<DailyPoint>> GetDailyCloses(string coinId, string days, CancellationToken ct)
    {
        var uri = string.Create(CultureInfo.InvariantCulture, $"coins/{Uri.EscapeDataString(coinId)}/market_chart?vs_currency=usd&days={Uri.EscapeDataString(days)}&interval=daily");
        using var doc = await SourceRequest.GetJsonAsync(http, Source, uri, quality, ct);
        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("prices", out var prices) || prices.ValueKind != JsonValueKind.Array)
        {
            throw SourceRequest.Schema(quality, Source, "market_chart has no `prices` array");
        }

        var volumes = new Dictionary<long, double>();
        if (root.TryGetProperty("total_volumes", out var vols) && vols.ValueKind == JsonValueKind.Array)
        {
            foreach (var v in vols.EnumerateArray())
            {
                if (v.ValueKind == JsonValueKind.Array && v.GetArrayLength() == 2 && JsonValues.Number(v[0]) is { } t && JsonValues.Number(v[1]) is { } x && double.IsFinite(x))
                {
                    volumes[(long)t] = x;
                }
            }
        }

        var now = time.GetUtcNow();
        var byDate = new SortedDictionary<DateOnly, DailyPoint>();
        foreach (var p in prices.EnumerateArray())
        {
            if (p.ValueKind != JsonValueKind.Array || p.GetArrayLength() != 2 || JsonValues.Number(p[0]) is not { } ms)
            {
                throw SourceRequest.Schema(quality, Source, "market_chart `prices` items are not [ms, price] pairs");
            }

            var ts = DateTimeOffset.FromUnixTimeMilliseconds((long)ms);
            if (ValueChecks.Timestamp(ts, now) is { } future)
            {
                quality.Reject(Source, $"{coinId} chart point", future);
                continue;
            }

            var price = JsonValues.Number(p[1]);
            if (ValueChecks.Price(price) is { } bad)
            {
                quality.Reject(Source, $"{coinId} chart point {ts:yyyy-MM-dd}", bad);
                continue;
            }

            if (ts.TimeOfDay != TimeSpan.Zero)
            {
                continue; // the current partial day: not a close
            }

            var date = DateOnly.FromDateTime(ts.UtcDateTime).AddDays(-1);
            byDate[date] = new DailyPoint(date, price!.Value, volumes.TryGetValue((long)ms, out var vol) ? vol : null);
        }

        quality.Success(Source);
        return [.. byDate.Values];
    }
}
