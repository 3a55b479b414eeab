namespace TreasuryArena.Core.Notifications;

/// <summary>
/// Every kind of notification the platform emits, with the Core point that emits it, so an organisation's event filter
/// (<see cref="NotificationSettings.Kinds"/>) and the operator's (<c>Notifications:Kinds</c>) can be checked against a
/// closed list. Kinds are snake_case and never renamed (receivers filter on them).
/// </summary>
public static class NotificationKinds
{
    /// <summary>A trade held for review by transaction monitoring (ComplianceGate).</summary>
    public const string TradeHeld = "trade_held";

    /// <summary>A rebalance plan held for review as one decision (ComplianceGate).</summary>
    public const string PlanHeld = "plan_held";

    /// <summary>A held trade or plan released by an admin (ComplianceService).</summary>
    public const string TradeReleased = "trade_released";

    /// <summary>A held trade or plan rejected by an admin (ComplianceService).</summary>
    public const string TradeRejected = "trade_rejected";

    /// <summary>A hold not decided within its lifetime (ComplianceService).</summary>
    public const string HoldExpired = "hold_expired";

    /// <summary>A token paused by an admin (NavEngine).</summary>
    public const string TokenPaused = "token_paused";

    /// <summary>A paused token resumed by an admin (NavEngine).</summary>
    public const string TokenResumed = "token_resumed";

    /// <summary>A token retired (NavEngine).</summary>
    public const string TokenRetired = "token_retired";

    /// <summary>A paused token kept paused by an admin, its automatic review stopped (NavEngine).</summary>
    public const string TokenHeld = "token_held";

    /// <summary>A token's drawdown breaker paused it (NavEngine).</summary>
    public const string TokenBreakerPaused = "token_breaker_paused";

    /// <summary>A breaker-paused token resumed by its automatic review (NavEngine).</summary>
    public const string TokenBreakerResumed = "token_breaker_resumed";

    /// <summary>A wallet's drawdown breaker moved it to HYBRID (WalletBreaker).</summary>
    public const string WalletDrawdownBreaker = "wallet_drawdown_breaker";

    /// <summary>A wallet's breaker review moved it back to FULL_AI (WalletBreaker).</summary>
    public const string WalletBreakerResumed = "wallet_breaker_resumed";

    /// <summary>A HYBRID wallet's proposal waits for a treasurer (WalletRebalancer).</summary>
    public const string ProposalPending = "proposal_pending";

    /// <summary>A pending proposal expired by time or NAV move (WalletRebalancer).</summary>
    public const string ProposalExpired = "proposal_expired";

    /// <summary>A proposal approved and executed (WalletRebalancer).</summary>
    public const string ProposalApproved = "proposal_approved";

    /// <summary>A proposal rejected by a treasurer (WalletRebalancer).</summary>
    public const string ProposalRejected = "proposal_rejected";

    /// <summary>A request above the dual-control threshold awaits a second member (DualControl).</summary>
    public const string ApprovalRequested = "approval_requested";

    /// <summary>A second approval was given and the request executed (ApprovalUseCases).</summary>
    public const string ApprovalExecuted = "approval_executed";

    /// <summary>A request awaiting a second approval was rejected (ApprovalUseCases).</summary>
    public const string ApprovalRejected = "approval_rejected";

    /// <summary>A request awaiting a second approval expired (ApprovalUseCases).</summary>
    public const string ApprovalExpired = "approval_expired";

    /// <summary>A second approval is needed (dual control, issue 22).</summary>
    public const string SecondApprovalNeeded = "second_approval_needed";

    /// <summary>A buy refused because it would breach the organisation's investment policy (TradeUseCases).</summary>
    public const string PolicyBreach = "policy_breach";

    /// <summary>Trading halted platform-wide (ComplianceService).</summary>
    public const string PlatformHalted = "platform_halted";

    /// <summary>Trading resumed platform-wide (ComplianceService).</summary>
    public const string PlatformResumed = "platform_resumed";

    /// <summary>A scheduled job failed (the job runner).</summary>
    public const string JobFailed = "job_failed";

    /// <summary>A token's market data ends before the date its NAV was stepped to (NavEngine).</summary>
    public const string MarketDataStale = "market_data_stale";

    /// <summary>An item of an organisation's yearly compliance review is past its due date (the compliance-review job; once per item and due date).</summary>
    public const string ComplianceReviewOverdue = "compliance_review_overdue";

    /// <summary>Every kind, in the order the documentation lists them.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        TradeHeld, PlanHeld, TradeReleased, TradeRejected, HoldExpired,
        TokenPaused, TokenResumed, TokenRetired, TokenHeld, TokenBreakerPaused, TokenBreakerResumed,
        WalletDrawdownBreaker, WalletBreakerResumed,
        ProposalPending, ProposalExpired, ProposalApproved, ProposalRejected,
        ApprovalRequested, ApprovalExecuted, ApprovalRejected, ApprovalExpired, SecondApprovalNeeded,
        PolicyBreach, PlatformHalted, PlatformResumed, JobFailed, MarketDataStale, ComplianceReviewOverdue,
    ];

    private static readonly HashSet<string> Known = new(All, StringComparer.Ordinal);

    /// <summary>Whether <paramref name="kind"/> is one the platform emits.</summary>
    public static bool IsKnown(string kind) => Known.Contains(kind);
}
