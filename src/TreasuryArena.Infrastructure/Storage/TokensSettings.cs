using TreasuryArena.Core.Advice;
using TreasuryArena.Core.Approvals;
using TreasuryArena.Core.Compliance;
using TreasuryArena.Core.Nav;
using TreasuryArena.Core.Wallets.Optimization;
using TreasuryArena.Core.Wallets.Plans;
using TreasuryArena.Core.Wallets.Proposals;

namespace TreasuryArena.Infrastructure.Storage;

/// <summary>The configurable defaults of the tokens area (lifecycle gates, optimizer, proposals, plans, monitoring).</summary>
public sealed record TokensSettings
{
    public LifecycleOptions Lifecycle { get; init; } = new();

    public OptimizerSettings Optimizer { get; init; } = new();

    public ProposalPolicy Proposals { get; init; } = new();

    public PlanPolicy Plans { get; init; } = PlanPolicy.Default;

    public MonitoringRules Monitoring { get; init; } = new();

    /// <summary>Two-person approval: the request lifetime and the default threshold (section <c>Approvals</c>).</summary>
    public ApprovalOptions Approvals { get; init; } = new();

    /// <summary>
    /// The wallet advisor's rules (section <c>Advisor:Rules</c>, read by the hosts through
    /// <c>TreasuryConfiguration.Read</c>, the same reading as the treasury's advisor).
    /// </summary>
    public RuleAdvisorOptions AdvisorRules { get; init; } = new();

    /// <summary>How long the ledger remembers an idempotency key after its operation (see <see cref="Core.Ledger.IdempotencyMemory"/>).</summary>
    /// <summary>The yearly compliance review (section <c>Compliance</c>): its period and whether an overdue item refuses trades.</summary>
    public Core.Compliance.ComplianceReviewOptions ComplianceReview { get; init; } = new();

    public TimeSpan IdempotencyWindow { get; init; } = Core.Ledger.IdempotencyMemory.DefaultWindow;

    /// <summary>The optimizer's options (its Sharpe ratios are over the T-bill of the shipped history: <see cref="TokensRuntime.RiskFree"/>).</summary>
    public sealed record OptimizerSettings
    {
        public WalletOptimizerOptions Wallet { get; init; } = new();

        public int LookbackDays => Wallet.LookbackDays;
    }
}
