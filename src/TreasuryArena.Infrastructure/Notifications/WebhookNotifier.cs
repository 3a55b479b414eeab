using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using TreasuryArena.Core.Compliance;

namespace TreasuryArena.Infrastructure.Notifications;

/// <summary>
/// Posts each notification as JSON (snake_case) to a configured webhook, in the background so no caller waits on it.
/// Retries, timeouts and the circuit breaker come from the shared resilience handler on the <see cref="HttpClient"/>
/// (<c>AddArenaResilience</c>); a delivery that still fails is logged, never thrown.
/// </summary>
public sealed partial class WebhookNotifier : INotifier, IAsyncDisposable
{
    public const string ClientName = "webhook";

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private readonly HttpClient _http;
    private readonly Uri _url;
    private readonly ILogger<WebhookNotifier> _logger;
    private readonly Channel<Notification> _queue = Channel.CreateBounded<Notification>(new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest });
    private readonly Task _sender;

    public WebhookNotifier(HttpClient http, Uri url, ILogger<WebhookNotifier> logger)
    {
        _http = http;
        _url = url;
        _logger = logger;
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
                using var response = await _http.PostAsJsonAsync(_url, n, Json);
                if (response.IsSuccessStatusCode)
                {
                    LogDelivered(_logger, n.Kind, n.Subject);
                }
                else
                {
                    LogRejected(_logger, n.Kind, n.Subject, (int)response.StatusCode);
                }
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

    [LoggerMessage(EventId = 4403, Level = LogLevel.Warning, Message = "Webhook refused {Kind} for {Subject} with status {Status}")]
    private static partial void LogRejected(ILogger logger, string kind, string subject, int status);
}
