using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using TreasuryArena.Core.Compliance;

namespace TreasuryArena.Infrastructure.Notifications;

/// <summary>
/// Posts each notification as JSON to a configured webhook, in the background so no caller waits on it, retrying
/// transient failures with exponential back-off and jitter. Delivery failures are logged, never thrown.
/// </summary>
public sealed partial class WebhookNotifier : INotifier, IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private readonly HttpClient _http;
    private readonly Uri _url;
    private readonly ILogger<WebhookNotifier> _logger;
    private readonly ResiliencePipeline _retry;
    private readonly Channel<Notification> _queue = Channel.CreateBounded<Notification>(new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest });
    private readonly Task _sender;

    public WebhookNotifier(HttpClient http, Uri url, ILogger<WebhookNotifier> logger, int maxRetries = 4, TimeSpan? baseDelay = null)
    {
        _http = http;
        _url = url;
        _logger = logger;
        _retry = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = maxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = baseDelay ?? TimeSpan.FromMilliseconds(500),
                ShouldHandle = new PredicateBuilder().Handle<HttpRequestException>().Handle<TaskCanceledException>(),
            })
            .AddTimeout(TimeSpan.FromSeconds(10))
            .Build();
        _sender = Task.Run(SendLoopAsync);
    }

    public Task NotifyAsync(Notification notification, CancellationToken ct)
    {
        _queue.Writer.TryWrite(notification);
        return Task.CompletedTask;
    }

    private async Task SendLoopAsync()
    {
        await foreach (var n in _queue.Reader.ReadAllAsync())
        {
            try
            {
                await _retry.ExecuteAsync(
                    async token =>
                    {
                        using var response = await _http.PostAsJsonAsync(_url, n, Json, token);
                        if ((int)response.StatusCode >= 500 || (int)response.StatusCode == 429)
                        {
                            throw new HttpRequestException($"webhook answered {(int)response.StatusCode}", null, response.StatusCode);
                        }
                    },
                    CancellationToken.None);
                LogDelivered(_logger, n.Kind, n.Subject);
            }
#pragma warning disable CA1031 // A webhook that keeps failing must not stop later notifications.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogFailed(_logger, ex, n.Kind, n.Subject);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _sender.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    [LoggerMessage(EventId = 4401, Level = LogLevel.Debug, Message = "Webhook delivered {Kind} for {Subject}")]
    private static partial void LogDelivered(ILogger logger, string kind, string subject);

    [LoggerMessage(EventId = 4402, Level = LogLevel.Warning, Message = "Webhook delivery of {Kind} for {Subject} failed after retries")]
    private static partial void LogFailed(ILogger logger, Exception ex, string kind, string subject);
}
