using System.Globalization;
using System.Text.Json;

namespace TreasuryArena.Infrastructure.MarketData.Live;

/// <summary>alternative.me Crypto Fear &amp; Greed (<c>/fng/</c>, API-FORMATS §3): numbers as strings, newest first.</summary>
public sealed class AlternativeMeClient(HttpClient http, MarketDataQuality quality, TimeProvider time)
{
    public const string Source = "alternative.me";

    /// <summary>The last <paramref name="limit"/> daily values (0 = the full history), ascending by date.</summary>
    public async Task<IReadOnlyList<FearGreedPoint>> GetFearGreedAsync(int limit, CancellationToken ct)
    {
        var uri = string.Create(CultureInfo.InvariantCulture, $"fng/?limit={limit}&format=json");
        using var doc = await SourceRequest.GetJsonAsync(http, Source, uri, quality, ct);
        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array)
        {
            throw SourceRequest.Schema(quality, Source, "no `data` array");
        }

        var now = time.GetUtcNow();
        var byDate = new SortedDictionary<DateOnly, FearGreedPoint>();
        foreach (var item in data.EnumerateArray())
        {
            var value = JsonValues.Property(item, "value");
            var ts = JsonValues.Property(item, "timestamp");
            var cls = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("value_classification", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
            if (value is null || ts is null || cls is null)
            {
                quality.Reject(Source, "data item", $"missing field ({(value is null ? "value" : ts is null ? "timestamp" : "value_classification")})");
                continue;
            }

            if (!double.IsFinite(value.Value) || value < 0 || value > 100)
            {
                quality.Reject(Source, "data item", $"value {value} outside 0..100");
                continue;
            }

            var at = DateTimeOffset.FromUnixTimeSeconds((long)ts.Value);
            if (ValueChecks.Timestamp(at, now) is { } future)
            {
                quality.Reject(Source, "data item", future);
                continue;
            }

            var date = DateOnly.FromDateTime(at.UtcDateTime);
            byDate[date] = new FearGreedPoint(date, (int)value.Value, cls);
        }

        quality.Success(Source);
        return [.. byDate.Values];
    }
}
