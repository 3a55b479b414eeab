using System.Globalization;
using TreasuryArena.Core.Advice;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Policy;

namespace TreasuryArena.Core.Treasury;

/// <summary>
/// Target weights per position: the tactical share (from the intelligence signal, capped at the max volatile share)
/// split between BTC and ETH, the rest split over the base venues by their configured shares.
/// </summary>
public sealed record TreasuryTargets(decimal TacticalShare, decimal BtcShareOfTactical, IReadOnlyList<TargetWeight> Weights)
{
    public decimal WeightOf(string asset) =>
        Weights.Where(w => string.Equals(w.Asset, asset, StringComparison.OrdinalIgnoreCase)).Sum(w => w.Weight);

    /// <summary>The configured static target (60/40 by default).</summary>
    public static TreasuryTargets Static(TreasuryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Create(options, options.TacticalShare, options.BtcShareOfTactical);
    }

    public static TreasuryTargets Create(TreasuryOptions options, decimal tacticalShare, decimal btcShareOfTactical)
    {
        ArgumentNullException.ThrowIfNull(options);
        var tactical = Math.Clamp(tacticalShare, 0m, options.MaxVolatileShare);
        var btcMix = Math.Clamp(btcShareOfTactical, 0m, 1m);
        var weights = new List<TargetWeight>
        {
            new("BTC", TreasuryAssets.PaperVenue, AssetClass.Volatile, tactical * btcMix),
            new("ETH", TreasuryAssets.PaperVenue, AssetClass.Volatile, tactical * (1m - btcMix)),
        };
        var baseShare = 1m - tactical;
        weights.AddRange(options.EffectiveBaseVenues().Select(v => new TargetWeight(v.Asset, v.Venue, AssetClass.Yield, baseShare * v.ShareOfBase)));
        return new TreasuryTargets(tactical, btcMix, weights);
    }

    /// <summary>
    /// These targets inside the organisation's IPS (issue 21): each volatile asset (BTC, ETH) at most
    /// <c>max_token_weight</c>, the volatile assets together at most <c>max_volatile_share</c> (what they give up goes to
    /// the yield venues by their shares), and the liquidity reserve (<c>liquidity_reserve_months</c> ×
    /// <c>monthly_expenses</c>, as a share of <paramref name="totalValue"/>, rounded up to 0.01%) kept in cash, never
    /// invested: taken from the yield venues first, then from the volatile assets. The strategy clauses are about
    /// tokens; the treasury holds none. <paramref name="notes"/> says what the policy changed (empty: nothing).
    /// </summary>
    public TreasuryTargets WithinPolicy(InvestmentPolicy policy, decimal totalValue, out IReadOnlyList<string> notes)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var said = new List<string>();
        notes = said;
        var weights = Weights.ToList();
        decimal Sum(AssetClass c) => weights.Where(w => w.AssetClass == c).Sum(w => w.Weight);
        void Spread(AssetClass c, decimal delta)
        {
            var of = Sum(c);
            for (var i = 0; i < weights.Count && of > 0m; i++)
            {
                if (weights[i].AssetClass == c)
                {
                    weights[i] = weights[i] with { Weight = RoundingPolicy.WeightDown(Math.Max(0m, weights[i].Weight + (delta * weights[i].Weight / of))) };
                }
            }
        }

        var freed = 0m;
        for (var i = 0; i < weights.Count; i++)
        {
            if (weights[i].AssetClass == AssetClass.Volatile && weights[i].Weight > policy.MaxTokenWeight)
            {
                freed += weights[i].Weight - policy.MaxTokenWeight;
                said.Add(Text($"{PolicyClause.MaxTokenWeight}: {weights[i].Asset} is held at {PolicyText.Percent(policy.MaxTokenWeight)} instead of {PolicyText.Percent(RoundingPolicy.Ratio(weights[i].Weight, 4))}"));
                weights[i] = weights[i] with { Weight = policy.MaxTokenWeight };
            }
        }

        var volatileShare = Sum(AssetClass.Volatile);
        if (volatileShare > policy.MaxVolatileShare)
        {
            freed += volatileShare - policy.MaxVolatileShare;
            said.Add(Text($"{PolicyClause.MaxVolatileShare}: the volatile assets are held at {PolicyText.Percent(policy.MaxVolatileShare)} instead of {PolicyText.Percent(RoundingPolicy.Ratio(volatileShare, 4))}"));
            Spread(AssetClass.Volatile, policy.MaxVolatileShare - volatileShare);
        }

        if (freed > 0m)
        {
            Spread(AssetClass.Yield, freed);
        }

        if (policy.LiquidityReserveUsd > 0m)
        {
            var reserve = totalValue <= 0m ? 1m : Math.Min(1m, RoundingPolicy.Up(policy.LiquidityReserveUsd / totalValue, 4));
            var cash = 1m - weights.Sum(w => w.Weight);
            if (cash < reserve)
            {
                var need = reserve - cash;
                var fromYield = Math.Min(need, Sum(AssetClass.Yield));
                Spread(AssetClass.Yield, -fromYield);
                Spread(AssetClass.Volatile, -Math.Min(need - fromYield, Sum(AssetClass.Volatile)));
                said.Add(Text($"{PolicyClause.LiquidityReserveMonths}: {PolicyText.Usd(policy.LiquidityReserveUsd)} ({policy.LiquidityReserveMonths} months of {PolicyText.Usd(policy.MonthlyExpenses)}, {PolicyText.Percent(reserve)} of the treasury) stays in cash"));
            }
        }

        if (said.Count == 0)
        {
            return this;
        }

        var tactical = Sum(AssetClass.Volatile);
        return new TreasuryTargets(tactical, BtcShareOfTactical, weights);
    }

    private static string Text(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
