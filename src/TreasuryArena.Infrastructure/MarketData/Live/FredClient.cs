using System.Globalization;
using Polly.CircuitBreaker;
using Polly.Timeout;
using TreasuryArena.Core.Ports;

namespace TreasuryArena.Infrastructure.MarketData.Live;

/// <summary>FRED series as CSV (<c>/graph/fredgraph.csv?id=DTB3</c>): <c>DATE,&lt;ID&gt;</c> rows, <c>.</c> for holidays (skipped).</summary>
public sealed class FredClient(HttpClient http, MarketDataQuality quality)
{
    public const string Source = "fred";

    public async Task<IReadOnlyList<DailyPoint>> GetSeriesAsync(string id, CancellationToken ct)
    {
        string body;
        try
        {
            using var response = await http.GetAsync(new Uri($"graph/fredgraph.csv?id={Uri.EscapeDataString(id)}", UriKind.Relative), ct);
            if (!response.IsSuccessStatusCode)
            {
                quality.Failure(Source, MarketDataFailure.Unavailable, $"HTTP {(int)response.StatusCode}");
                throw new MarketDataException(Source, MarketDataFailure.Unavailable, $"HTTP {(int)response.StatusCode}");
            }

            body = await response.Content.ReadAsStringAsync(ct);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException or BrokenCircuitException || (ex is TaskCanceledException && !ct.IsCancellationRequested))
        {
            quality.Failure(Source, MarketDataFailure.Unavailable, ex.Message);
            throw new MarketDataException(Source, MarketDataFailure.Unavailable, ex.Message, ex);
        }

        var lines = body.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length == 0 || !lines[0].Contains(id, StringComparison.OrdinalIgnoreCase) || !lines[0].Contains(',', StringComparison.Ordinal))
        {
            throw SourceRequest.Schema(quality, Source, $"CSV header is not `DATE,{id}`");
        }

        var points = new List<DailyPoint>();
        foreach (var line in lines.Skip(1))
        {
            var f = line.Split(',');
            if (f.Length != 2 || !DateOnly.TryParseExact(f[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                quality.Reject(Source, "row", $"`{line}` is not `date,value`");
                continue;
            }

            if (f[1] == ".")
            {
                continue;
            }

            if (!double.TryParse(f[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
            {
                quality.Reject(Source, $"row {f[0]}", $"`{f[1]}` is not a number");
                continue;
            }

            points.Add(new DailyPoint(date, v));
        }

        quality.Success(Source);
        return points;
    }
}
