namespace TreasuryArena.Server;

/// <summary>The server's log messages (event ids 4000–4099).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 4000, Level = LogLevel.Information, Message = "Platform schema ready on {Provider}")]
    public static partial void SchemaReady(ILogger logger, string provider);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "Bootstrap admin key registered from configuration for member {Member}")]
    public static partial void BootstrapKeyRegistered(ILogger logger, string member);

    [LoggerMessage(EventId = 4010, Level = LogLevel.Information, Message = "Job {Job} slot {Slot} claimed by {Instance} ({Trigger})")]
    public static partial void JobClaimed(ILogger logger, string job, string slot, string instance, string trigger);

    [LoggerMessage(EventId = 4011, Level = LogLevel.Information, Message = "Job {Job} slot {Slot} finished: {Status}")]
    public static partial void JobFinished(ILogger logger, string job, string slot, string status);

    [LoggerMessage(EventId = 4012, Level = LogLevel.Error, Message = "Job {Job} slot {Slot} failed")]
    public static partial void JobFailed(ILogger logger, Exception ex, string job, string slot);

    [LoggerMessage(EventId = 4013, Level = LogLevel.Error, Message = "Scheduler tick failed")]
    public static partial void SchedulerFailed(ILogger logger, Exception ex);

    [LoggerMessage(EventId = 4014, Level = LogLevel.Warning, Message = "SQLite WAL checkpoint failed; trying again at the next tick")]
    public static partial void CheckpointFailed(ILogger logger, Exception ex);

    [LoggerMessage(EventId = 4015, Level = LogLevel.Error, Message = "Refusal summary could not be written to the audit chain; its counts are lost")]
    public static partial void RefusalSummaryFailed(ILogger logger, Exception ex);

    [LoggerMessage(EventId = 4020, Level = LogLevel.Information, Message = "Treasury advisor: {Notice}")]
    public static partial void AdvisorNotice(ILogger logger, string notice);

    [LoggerMessage(EventId = 4060, Level = LogLevel.Information, Message = "Bad request on {Method} {Path}: answered {Status} {Code} with a fixed message")]
    public static partial void BadRequestAnswered(ILogger logger, Exception ex, string method, string path, int status, string code);

    [LoggerMessage(EventId = 4061, Level = LogLevel.Error, Message = "Unhandled exception on {Method} {Path}: answered 500 with a fixed message")]
    public static partial void UnhandledException(ILogger logger, Exception ex, string method, string path);
}
