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

    [LoggerMessage(EventId = 2004, Level = LogLevel.Information, Message = "Claude returned {Status}; retrying in {Seconds} s (attempt {Attempt})")]
    public static partial void RetryingClaude(ILogger logger, int status, double seconds, int attempt);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Warning, Message = "Claude returned {Status} with a wait of {Seconds} s past the call's deadline; not retrying")]
    public static partial void RetryAfterPastDeadline(ILogger logger, int status, double seconds);
}
