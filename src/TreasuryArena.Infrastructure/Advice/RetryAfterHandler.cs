using System.Net;
using Microsoft.Extensions.Logging;

namespace TreasuryArena.Infrastructure.Advice;

/// <summary>
/// Retries 429 (rate limited), 529 (overloaded) and 503 answers from the Messages API, waiting for the server's
/// <c>retry-after</c> (seconds or an HTTP date) or, without one, an exponential backoff; never waits past the call's
/// deadline (then the failing answer is returned and the rule decision stands). The SDK's own retries are turned off
/// so this is the one retry policy.
/// </summary>
internal sealed class RetryAfterHandler(AnthropicOptions options, TimeProvider timeProvider, ILogger logger) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var state = ClaudeCallState.Current;
        byte[]? body = null;
        if (request.Content is not null)
        {
            body = await request.Content.ReadAsByteArrayAsync(cancellationToken);
        }

        for (var attempt = 0; ; attempt++)
        {
            using var attemptRequest = Clone(request, body);
            var response = await base.SendAsync(attemptRequest, cancellationToken);
            var status = (int)response.StatusCode;
            if (state is not null)
            {
                state.LastStatus = status;
            }

            if (!IsRetryable(status) || attempt >= options.MaxRetries)
            {
                return response;
            }

            var delay = RetryAfter(response) ?? TimeSpan.FromMilliseconds(options.RetryBaseDelayMilliseconds * Math.Pow(2, attempt));
            var deadline = state?.Deadline ?? DateTimeOffset.MaxValue;
            if (timeProvider.GetUtcNow() + delay >= deadline)
            {
                Log.RetryAfterPastDeadline(logger, status, delay.TotalSeconds);
                return response;
            }

            Log.RetryingClaude(logger, status, delay.TotalSeconds, attempt + 1);
            response.Dispose();
            await Task.Delay(delay, timeProvider, cancellationToken);
            if (state is not null)
            {
                state.Retries++;
                state.Waited += delay;
            }
        }
    }

    private static bool IsRetryable(int status) => status is 429 or 529 or (int)HttpStatusCode.ServiceUnavailable;

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - timeProvider.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    private static HttpRequestMessage Clone(HttpRequestMessage request, byte[]? body)
    {
        var clone = new HttpRequestMessage(request.Method, request.RequestUri) { Version = request.Version, VersionPolicy = request.VersionPolicy };
        foreach (var h in request.Headers)
        {
            clone.Headers.TryAddWithoutValidation(h.Key, h.Value);
        }

        if (body is not null)
        {
            clone.Content = new ByteArrayContent(body);
            foreach (var h in request.Content!.Headers)
            {
                clone.Content.Headers.TryAddWithoutValidation(h.Key, h.Value);
            }
        }

        return clone;
    }
}
