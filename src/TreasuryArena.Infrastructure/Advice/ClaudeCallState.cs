namespace TreasuryArena.Infrastructure.Advice;

/// <summary>
/// Per-call state shared between <see cref="ClaudeAdvisor"/> and <see cref="StatusRecordingHandler"/> (through an
/// <see cref="AsyncLocal{T}"/>): the last HTTP status seen and how many attempts were made.
/// </summary>
internal sealed class ClaudeCallState
{
    private static readonly AsyncLocal<ClaudeCallState?> CurrentState = new();

    public static ClaudeCallState? Current
    {
        get => CurrentState.Value;
        set => CurrentState.Value = value;
    }

    public int? LastStatus { get; set; }

    public int Attempts { get; set; }
}
