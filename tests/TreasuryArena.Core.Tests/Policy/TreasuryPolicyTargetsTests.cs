using TreasuryArena.Core.Advice;
using TreasuryArena.Core.Policy;
using TreasuryArena.Core.Treasury;

namespace TreasuryArena.Core.Tests.Policy;

/// <summary>Issue 21: the treasury's targets are solved inside the organisation's IPS (<see cref="TreasuryTargets.WithinPolicy"/>).</summary>
public sealed class TreasuryPolicyTargetsTests
{
    private static readonly TreasuryOptions Options = new();

    private static decimal Volatile(TreasuryTargets t) => t.Weights.Where(w => w.AssetClass == AssetClass.Volatile).Sum(w => w.Weight);

    [Fact]
    public void WithinPolicy_DefaultPolicy_TargetsUnchanged()
    {
        var targets = TreasuryTargets.Static(Options);
        var same = targets.WithinPolicy(InvestmentPolicy.Default, 400_000m, out var notes);

        Assert.Same(targets, same);
        Assert.Empty(notes);
    }

    [Fact]
    public void WithinPolicy_TokenCapAndVolatileShare_VolatileAssetsCappedRestToYield()
    {
        var targets = TreasuryTargets.Static(Options);
        var policy = InvestmentPolicy.Default with { MaxTokenWeight = 0.15m, MaxVolatileShare = 0.25m };
        var inside = targets.WithinPolicy(policy, 400_000m, out var notes);

        Assert.True(Volatile(targets) > 0.25m);
        Assert.True(Volatile(inside) <= 0.25m);
        Assert.All(inside.Weights.Where(w => w.AssetClass == AssetClass.Volatile), w => Assert.True(w.Weight <= 0.15m, $"{w.Asset} {w.Weight}"));
        Assert.InRange(inside.Weights.Sum(w => w.Weight), 0.999m, 1m);
        Assert.Equal(Volatile(inside), inside.TacticalShare);
        Assert.Contains(notes, n => n.StartsWith(PolicyClause.MaxTokenWeight, StringComparison.Ordinal));
    }

    [Fact]
    public void WithinPolicy_LiquidityReserve_KeptInCashFromYieldFirst()
    {
        // 12 × $10,000 of $400,000 = 30% in cash: out of the yield venues (60%), the volatile 40% untouched.
        var targets = TreasuryTargets.Static(Options);
        var policy = InvestmentPolicy.Default with { LiquidityReserveMonths = 12m, MonthlyExpenses = 10_000m };
        var inside = targets.WithinPolicy(policy, 400_000m, out var notes);

        Assert.True(1m - inside.Weights.Sum(w => w.Weight) >= 0.30m);
        Assert.Equal(Volatile(targets), Volatile(inside));
        Assert.Contains(notes, n => n.Contains("stays in cash", StringComparison.Ordinal));

        var all = targets.WithinPolicy(policy with { MonthlyExpenses = 50_000m }, 400_000m, out _);
        Assert.Equal(0m, all.Weights.Sum(w => w.Weight));
    }
}
