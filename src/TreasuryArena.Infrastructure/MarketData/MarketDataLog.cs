using Microsoft.Extensions.Logging;

namespace TreasuryArena.Infrastructure.MarketData;

/// <summary>Log messages of the market-data adapters (event ids 5000–5099).</summary>
internal static partial class MarketDataLog
{
    [LoggerMessage(EventId = 5000, Level = LogLevel.Warning, Message = "market data {Source}: rejected {What}: {Reason}")]
    public static partial void Rejected(ILogger logger, string source, string what, string reason);

    [LoggerMessage(EventId = 5001, Level = LogLevel.Warning, Message = "market data {Source}: request failed ({Failure}): {Reason}")]
    public static partial void Failed(ILogger logger, string source, string failure, string reason);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Information, Message = "market data {Source}: serving the last good value of {Key} from {FetchedAt:o} (stale)")]
    public static partial void ServingStale(ILogger logger, string source, string key, DateTimeOffset fetchedAt);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Debug, Message = "market data {Source}: fetched {Key}")]
    public static partial void Fetched(ILogger logger, string source, string key);
}
