using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using TreasuryArena.Core.Ports;
using TreasuryArena.Infrastructure.MarketData.Options;

namespace TreasuryArena.Infrastructure.MarketData.Live;

/// <summary>Glassnode metrics (API-FORMATS §6): <c>[{"t": unix s, "v": number|null}]</c>; needs <c>MarketData:Glassnode:ApiKey</c>.</summary>
public sealed class GlassnodeClient(HttpClient http, MarketDataQuality quality, TimeProvider time, IOptions<MarketDataOptions> options)
{
    public const string Source = "glassnode";
    public const string MvrvZScore = "market/mvrv_z_score";
    public const string Mvrv = "market/mvrv";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(options.Value.Glassnode.ApiKey);

    /// <summary>Daily values of a BTC metric since <paramref name="since"/> (all history when null). Null values are gaps, not errors.</summary>
    public async Task<IReadOnlyList<DailyPoint>> GetDailyAsync(string metric, DateOnly? since, CancellationToken ct)
    {
        if (!IsConfigured)
        {
            quality.Failure(Source, MarketDataFailure.NotConfigured, "no API key (MarketData:Glassnode:ApiKey)");
            throw new MarketDataException(Source, MarketDataFailure.NotConfigured, "no API key (set MarketData:Glassnode:ApiKey or MarketData__Glassnode__ApiKey)");
        }

        var uri = $"v1/metrics/{metric}?a=BTC&i=24h&api_key={Uri.EscapeDataString(options.Value.Glassnode.ApiKey!)}";
        if (since is { } s)
        {
            uri += string.Create(CultureInfo.InvariantCulture, $"&s={new DateTimeOffset(s.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeSeconds()}");
        }

        using var doc = await SourceRequest.GetJsonAsync(http, Source, uri, quality, ct);
        if (doc.RootElement.ValueKind != JsonValueKind.Array)
        {
            throw SourceRequest.Schema(quality, Source, $"{metric} did not return an array");
        }

        var now = time.GetUtcNow();
        var byDate = new SortedDictionary<DateOnly, DailyPoint>();
        foreach (var item in doc.RootElement.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("t", out _) || !item.TryGetProperty("v", out var v))
            {
                throw SourceRequest.Schema(quality, Source, $"{metric} items lack `t`/`v`");
            }

            if (v.ValueKind == JsonValueKind.Null)
            {
                continue; // "no data for this timestamp"
            }

            var value = JsonValues.Number(v);
            var at = DateTimeOffset.FromUnixTimeSeconds((long)(JsonValues.Property(item, "t") ?? 0));
            if ((ValueChecks.Finite(value) ?? ValueChecks.Timestamp(at, now)) is { } bad)
            {
                quality.Reject(Source, $"{metric} point", bad);
                continue;
            }

            var date = DateOnly.FromDateTime(at.UtcDateTime);
            byDate[date] = new DailyPoint(date, value!.Value);
        }

        quality.Success(Source);
        return [.. byDate.Values];
    }
}
