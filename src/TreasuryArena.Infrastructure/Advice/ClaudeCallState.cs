namespace TreasuryArena.Infrastructure.Advice;

/// <summary>
/// Per-call state shared between <see cref="ClaudeAdvisor"/> and <see cref="RetryAfterHandler"/> (through an
/// <see cref="AsyncLocal{T}"/>): the last HTTP status seen, how many retries were made and how long they waited.
/// </summary>
internal sealed class ClaudeCallState
{
    private static readonly AsyncLocal<ClaudeCallState?> CurrentState = new();

    public static ClaudeCallState? Current
    {
        get => CurrentState.Value;
        set => CurrentState.Value = value;
    }

    /// <summary>When the whole call must be over; retries never wait past it.</summary>
    public DateTimeOffset Deadline { get; init; } = DateTimeOffset.MaxValue;

    public int? LastStatus { get; set; }

    public int Retries { get; set; }

    public TimeSpan Waited { get; set; }
}
