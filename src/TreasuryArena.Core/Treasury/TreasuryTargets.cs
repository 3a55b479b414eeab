using TreasuryArena.Core.Advice;

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
}
