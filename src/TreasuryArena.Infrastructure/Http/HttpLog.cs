using Microsoft.Extensions.Logging;

namespace TreasuryArena.Infrastructure.Http;

/// <summary>Log messages of the shared HTTP resilience handler (event ids 5100–5119).</summary>
internal static partial class HttpLog
{
    [LoggerMessage(EventId = 5100, Level = LogLevel.Warning, Message = "HTTP client {Client}: retry {Attempt} after {Reason}, waiting {DelayMs} ms")]
    public static partial void Retrying(ILogger logger, string client, int attempt, string reason, double delayMs);

    [LoggerMessage(EventId = 5101, Level = LogLevel.Warning, Message = "HTTP client {Client}: circuit opened for {Seconds} s")]
    public static partial void CircuitOpened(ILogger logger, string client, double seconds);
}
