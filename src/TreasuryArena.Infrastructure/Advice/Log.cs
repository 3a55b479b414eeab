using Microsoft.Extensions.Logging;

namespace TreasuryArena.Infrastructure.Advice;

/// <summary>Log messages of the advisor adapters (event ids 2000–2099).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2000, Level = LogLevel.Warning, Message = "Claude advisor failed ({Reason}); the rule decision stands: {Detail}")]
    public static partial void ClaudeFallback(ILogger logger, string reason, string detail);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Claude answered {Kind} with {Action} (confidence {Confidence}) in {LatencyMs} ms, {Tokens} tokens")]
    public static partial void ClaudeAnswered(ILogger logger, string kind, string action, int confidence, long latencyMs, long tokens);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Debug, Message = "Claude prompt: {Prompt}")]
    public static partial void ClaudePrompt(ILogger logger, string prompt);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Debug, Message = "Claude raw answer: {Answer}")]
    public static partial void ClaudeRawAnswer(ILogger logger, string answer);
}
