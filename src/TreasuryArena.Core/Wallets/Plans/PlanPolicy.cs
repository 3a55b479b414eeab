using System.Globalization;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Identity;

namespace TreasuryArena.Core.Wallets.Plans;

/// <summary>
/// The business plan's subscription limits (section <c>Wallets:Plans</c>; defaults from the business plan):
/// Free — MANUAL only, at most 3 tokens held; AI Basic — HYBRID or FULL_AI, at most 10 tokens; AI Premium — any mode,
/// no token limit. <see cref="CheckMode"/> and <see cref="CheckHoldings"/> throw a <see cref="DomainException"/>
/// with code <c>plan_limit</c> and a message that names the plan, the limit and what to do.
/// </summary>
public sealed record PlanPolicy
{
    public const string SectionName = "Wallets:Plans";

    public static PlanPolicy Default { get; } = new();

    public PlanRule Free { get; init; } = new(new HashSet<WalletMode> { WalletMode.Manual }, 3);

    public PlanRule Basic { get; init; } = new(new HashSet<WalletMode> { WalletMode.Hybrid, WalletMode.FullAi }, 10);

    public PlanRule Premium { get; init; } = new(new HashSet<WalletMode> { WalletMode.Manual, WalletMode.Hybrid, WalletMode.FullAi }, null);

    public PlanRule For(Plan plan) => plan switch
    {
        Plan.Free => Free,
        Plan.Basic => Basic,
        Plan.Premium => Premium,
        _ => throw new ArgumentOutOfRangeException(nameof(plan), plan, "unknown plan"),
    };

    public bool AllowsMode(Plan plan, WalletMode mode) => For(plan).Modes.Contains(mode);

    /// <summary>Throws <c>plan_limit</c> when <paramref name="plan"/> does not allow <paramref name="mode"/>.</summary>
    public void CheckMode(Plan plan, WalletMode mode)
    {
        if (!AllowsMode(plan, mode))
        {
            var allowed = string.Join(", ", For(plan).Modes.Select(ModeName).Order(StringComparer.Ordinal));
            throw new DomainException(Outcome.PlanLimit, $"the {Name(plan)} plan does not allow {ModeName(mode)} wallets (allowed: {allowed}); upgrade the organisation's plan or choose an allowed mode");
        }
    }

    /// <summary>Throws <c>plan_limit</c> when holding <paramref name="tokenCount"/> different tokens exceeds the plan's limit.</summary>
    public void CheckHoldings(Plan plan, int tokenCount)
    {
        if (For(plan).MaxTokens is { } max && tokenCount > max)
        {
            throw new DomainException(Outcome.PlanLimit, string.Create(CultureInfo.InvariantCulture,
                $"the {Name(plan)} plan allows at most {max} tokens per wallet; this would make {tokenCount}. Sell a token first or upgrade the plan"));
        }
    }

    public static string ModeName(WalletMode mode) => mode switch
    {
        WalletMode.FullAi => "FULL_AI",
        WalletMode.Hybrid => "HYBRID",
        WalletMode.Manual => "MANUAL",
        _ => mode.ToString().ToUpperInvariant(),
    };

    public static string Name(Plan plan) => plan switch
    {
        Plan.Free => "Free",
        Plan.Basic => "AI Basic",
        Plan.Premium => "AI Premium",
        _ => plan.ToString(),
    };
}
