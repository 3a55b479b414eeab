using System.Net;
using System.Text.Json;
using Polly.CircuitBreaker;
using Polly.Timeout;
using TreasuryArena.Core.Ports;

namespace TreasuryArena.Infrastructure.MarketData.Live;

/// <summary>
/// The one way the market-data clients call their source: GET, map every failure to a <see cref="MarketDataException"/>
/// (recorded in <see cref="MarketDataQuality"/>), and parse the body as JSON (malformed JSON is a rejection).
/// </summary>
internal static class SourceRequest
{
    public static async Task<JsonDocument> GetJsonAsync(HttpClient http, string source, string relativeUri, MarketDataQuality quality, CancellationToken ct)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.GetAsync(new Uri(relativeUri, UriKind.Relative), HttpCompletionOption.ResponseContentRead, ct);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException or BrokenCircuitException
                                       || (ex is TaskCanceledException && !ct.IsCancellationRequested))
        {
            var reason = ex switch
            {
                TimeoutRejectedException or TaskCanceledException => "timed out",
                BrokenCircuitException => "circuit open after repeated failures",
                _ => ex.Message,
            };
            throw Fail(quality, source, MarketDataFailure.Unavailable, reason, ex);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var failure = response.StatusCode == HttpStatusCode.TooManyRequests ? MarketDataFailure.RateLimited
                    : response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden ? MarketDataFailure.NotConfigured
                    : (int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout ? MarketDataFailure.Unavailable
                    : MarketDataFailure.Invalid;
                throw Fail(quality, source, failure, $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}", null);
            }

            var body = await response.Content.ReadAsStringAsync(ct);
            try
            {
                return JsonDocument.Parse(body);
            }
            catch (JsonException ex)
            {
                quality.Reject(source, "response", $"malformed JSON ({ex.Message})");
                throw new MarketDataException(source, MarketDataFailure.Invalid, "malformed JSON", ex);
            }
        }
    }

    /// <summary>Records and builds the exception for a response whose shape is not the documented one.</summary>
    public static MarketDataException Schema(MarketDataQuality quality, string source, string reason)
    {
        quality.Reject(source, "response", $"schema: {reason}");
        return new MarketDataException(source, MarketDataFailure.Invalid, $"unexpected response shape: {reason}");
    }

    private static MarketDataException Fail(MarketDataQuality quality, string source, MarketDataFailure failure, string reason, Exception? inner)
    {
        quality.Failure(source, failure, reason);
        return new MarketDataException(source, failure, reason, inner);
    }
}
