namespace TreasuryArena.Core.Advice;

/// <summary>
/// A typed advisor decision. <see cref="Reasoning"/> is plain language a trustee can read; <see cref="Confidence"/> is
/// 0–100; <see cref="Advisor"/> is <c>rules</c> or <c>claude</c> (or another configured advisor's name).
/// When a model advisor failed and the rule decision stands, <see cref="FallbackReason"/> says why.
/// </summary>
public sealed record Decision
{
    public const string RulesAdvisor = "rules";
    public const string ClaudeAdvisor = "claude";

    public Decision(DecisionKind kind, DecisionAction action, string reasoning, int confidence, string advisor)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reasoning);
        ArgumentException.ThrowIfNullOrWhiteSpace(advisor);
        ArgumentOutOfRangeException.ThrowIfNegative(confidence);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(confidence, 100);
        Kind = kind;
        Action = action;
        Reasoning = reasoning;
        Confidence = confidence;
        Advisor = advisor;
    }

    public DecisionKind Kind { get; }

    public DecisionAction Action { get; init; }

    public string Reasoning { get; init; }

    public int Confidence { get; }

    public string Advisor { get; init; }

    public DecisionAdjustments? Adjustments { get; init; }

    public TimeSpan Latency { get; init; }

    /// <summary>Model and token usage (model-backed advisors only).</summary>
    public AdvisorUsage? Usage { get; init; }

    /// <summary>For a model advisor: the prompt sent and the raw answer (or the failure) received, for the journal.</summary>
    public AdvisorTranscript? Transcript { get; init; }

    /// <summary>Why a model advisor's answer was not used (timeout, rate_limited, malformed, refusal, …); null otherwise.</summary>
    public string? FallbackReason { get; init; }

    /// <summary>Whether this decision lets orders through (subject to guardrails).</summary>
    public bool Acts => Action is DecisionAction.Approve or DecisionAction.Shrink or DecisionAction.Rebalance or DecisionAction.DeRisk;
}
