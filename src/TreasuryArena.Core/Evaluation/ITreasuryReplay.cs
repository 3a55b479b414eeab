namespace TreasuryArena.Core.Evaluation;

/// <summary>Port: replays the managed treasury (treasury manager, market assessment, advisor, guardrails, paper venue) day by day.</summary>
public interface ITreasuryReplay
{
    Task<TreasuryReplayResult> ReplayAsync(DateOnly from, DateOnly to, ReplayClock clock, IProgress<EvaluationProgress>? progress, CancellationToken ct);
}
