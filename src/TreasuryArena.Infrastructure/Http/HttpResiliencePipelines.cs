using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace TreasuryArena.Infrastructure.Http;

/// <summary>
/// One Polly.Core pipeline per named HTTP client (so each client has its own circuit breaker, surviving handler
/// rotation): total timeout → retry (exponential backoff with jitter, honouring <c>Retry-After</c>) → circuit breaker →
/// per-attempt timeout.
/// </summary>
public sealed class HttpResiliencePipelines(IOptions<HttpResilienceOptions> options, TimeProvider time, ILoggerFactory loggers)
{
    private readonly ConcurrentDictionary<string, ResiliencePipeline<HttpResponseMessage>> _pipelines = new(StringComparer.Ordinal);
    private readonly ILogger _log = loggers.CreateLogger("TreasuryArena.Infrastructure.Http.Resilience");

    public ResiliencePipeline<HttpResponseMessage> For(string clientName) => _pipelines.GetOrAdd(clientName, Build);

    /// <summary>Transient: a network error, a timeout, 408, 429 (unless its Retry-After is too long), or any 5xx.</summary>
    public static bool IsTransient(HttpResponseMessage response, TimeSpan maxRetryAfter, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(response);
        var code = (int)response.StatusCode;
        if (response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable)
        {
            return RetryAfter(response, time) is not { } wait || wait <= maxRetryAfter;
        }

        return response.StatusCode == HttpStatusCode.RequestTimeout || code >= 500;
    }

    /// <summary>The server's <c>Retry-After</c> (seconds or an HTTP date), if any.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(time);
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    private ResiliencePipeline<HttpResponseMessage> Build(string name)
    {
        var o = options.Value;
        var maxRetryAfter = TimeSpan.FromSeconds(o.MaxRetryAfterSeconds);
        var handle = new PredicateBuilder<HttpResponseMessage>()
            .Handle<HttpRequestException>()
            .Handle<TimeoutRejectedException>()
            .HandleResult(r => IsTransient(r, maxRetryAfter, time));

        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time, Name = name };
        builder.AddTimeout(TimeSpan.FromSeconds(o.TotalTimeoutSeconds));
        if (o.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = handle,
                MaxRetryAttempts = o.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(o.BaseDelayMilliseconds),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result is { } r ? RetryAfter(r, time) : null),
                OnRetry = args =>
                {
                    var reason = args.Outcome.Result is { } r ? $"HTTP {(int)r.StatusCode}" : args.Outcome.Exception?.GetType().Name ?? "unknown";
                    HttpLog.Retrying(_log, name, args.AttemptNumber + 1, reason, args.RetryDelay.TotalMilliseconds);
                    args.Outcome.Result?.Dispose();
                    return default;
                },
            });
        }

        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
        {
            ShouldHandle = handle,
            FailureRatio = o.BreakerFailureRatio,
            MinimumThroughput = o.BreakerMinimumThroughput,
            SamplingDuration = TimeSpan.FromSeconds(o.BreakerSamplingSeconds),
            BreakDuration = TimeSpan.FromSeconds(o.BreakDurationSeconds),
            OnOpened = args =>
            {
                HttpLog.CircuitOpened(_log, name, args.BreakDuration.TotalSeconds);
                return default;
            },
        });
        builder.AddTimeout(TimeSpan.FromSeconds(o.AttemptTimeoutSeconds));
        return builder.Build();
    }
}
