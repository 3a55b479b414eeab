using Microsoft.Extensions.Logging;

namespace TreasuryArena.Infrastructure.Configuration;

/// <summary>Log messages of the composition root (event ids 5200–5219).</summary>
internal static partial class ConfigurationLog
{
    [LoggerMessage(EventId = 5200, Level = LogLevel.Warning, Message = "{Warning}")]
    public static partial void UnknownKey(ILogger logger, string warning);
}
