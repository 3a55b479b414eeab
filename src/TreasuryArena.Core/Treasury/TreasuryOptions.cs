using TreasuryArena.Core.Advice;

namespace TreasuryArena.Core.Treasury;

/// <summary>
/// The organisation's treasury (configuration section <c>Treasury</c>): $400,000, 60% base yield / 40% tactical,
/// at most 40% volatile, a 5% drift band. Environment variables such as <c>Treasury__InitialCapital</c> override it.
/// </summary>
public sealed record TreasuryOptions
{
    public const string SectionName = "Treasury";

    public decimal InitialCapital { get; init; } = 400_000m;

    /// <summary>The organisation whose treasury this is: its ledger accounts are <c>treasury:{Organisation}:…</c>.</summary>
    public string Organisation { get; init; } = "arena";

    public decimal BaseShare { get; init; } = 0.60m;

    public decimal TacticalShare { get; init; } = 0.40m;

    /// <summary>BTC's share of the tactical sleeve when the signal gives no mix (the rest is ETH).</summary>
    public decimal BtcShareOfTactical { get; init; } = 0.70m;

    public decimal MaxVolatileShare { get; init; } = 0.40m;

    /// <summary>The drift band: a rebalance is due when drift reaches it. Same key the intelligence triggers read (<c>Treasury:DriftThreshold</c>).</summary>
    public decimal DriftThreshold { get; init; } = 0.05m;

    public decimal MaxAssetWeight { get; init; } = 0.40m;

    public int MinHoldings { get; init; } = 3;

    public decimal MaxTurnover { get; init; } = 0.50m;

    public decimal DrawdownBreaker { get; init; } = 0.30m;

    public string[]? ComplianceHolds { get; init; }

    public decimal TacticalFeeBps { get; init; } = 10m;

    public decimal TacticalSlippageBps { get; init; } = 10m;

    /// <summary>Trades smaller than this (USD) are not proposed.</summary>
    public decimal MinTradeUsd { get; init; } = 100m;

    /// <summary><c>FULL_AI</c>, <c>HYBRID</c> (default) or <c>MANUAL</c>.</summary>
    public string Mode { get; init; } = "HYBRID";

    public TreasuryMode ParsedMode() =>
        Mode.Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).Trim().ToUpperInvariant() switch
        {
            "FULLAI" => TreasuryMode.FullAi,
            "HYBRID" => TreasuryMode.Hybrid,
            "MANUAL" => TreasuryMode.Manual,
            _ => throw new ArgumentException($"Treasury:Mode '{Mode}' must be FULL_AI, HYBRID or MANUAL"),
        };

    /// <summary>The date a default treasury starts (yyyy-MM-dd); empty means the first date it is asked about.</summary>
    public string? InceptionDate { get; init; }

    /// <summary>Days after a decision at which its outcome is judged.</summary>
    public int OutcomeHorizonDays { get; init; } = 30;

    public YieldVenueOptions[]? BaseVenues { get; init; }

    /// <summary>The base venues: configured ones, else Aave USDC 40% at 4.5%, Pendle PT 30% at 7%, Curve LP 30% at 5%. A venue
    /// is credited its APY only from its launch in <see cref="MarketData.Inception.Venues"/> (aave 2020-01-08, curve
    /// 2020-01-03, pendle 2021-06-17), the T-bill before; a venue id not listed there has no launch gate.</summary>
    public IReadOnlyList<YieldVenueOptions> EffectiveBaseVenues() =>
        BaseVenues is { Length: > 0 } v
            ? v
            :
            [
                new YieldVenueOptions { Asset = "AAVE-USDC", Venue = "aave", ShareOfBase = 0.40m, Apy = 0.045m },
                new YieldVenueOptions { Asset = "PENDLE-PT", Venue = "pendle", ShareOfBase = 0.30m, Apy = 0.07m },
                new YieldVenueOptions { Asset = "CURVE-LP", Venue = "curve", ShareOfBase = 0.30m, Apy = 0.05m },
            ];

    public GuardrailLimits Limits() => new GuardrailLimits(
        MaxAssetWeight,
        MinHoldings,
        MaxVolatileShare,
        MaxTurnover,
        DrawdownBreaker,
        new HashSet<string>(ComplianceHolds ?? [], StringComparer.OrdinalIgnoreCase)).Validated();

    /// <summary>Throws <see cref="ArgumentException"/> describing the first invalid setting.</summary>
    public TreasuryOptions Validated()
    {
        if (InitialCapital <= 0m)
        {
            throw new ArgumentException("Treasury:InitialCapital must be positive");
        }

        if (Ledger.TreasuryNames.Name(Organisation) is null)
        {
            throw new ArgumentException("Treasury:Organisation must be 1–40 of a-z 0-9 . _ - (it names the treasury's ledger accounts)");
        }

        if (BaseShare < 0m || TacticalShare < 0m || BaseShare + TacticalShare != 1m)
        {
            throw new ArgumentException("Treasury:BaseShare and Treasury:TacticalShare must be non-negative and sum to 1");
        }

        if (BtcShareOfTactical is < 0m or > 1m)
        {
            throw new ArgumentException("Treasury:BtcShareOfTactical must be within 0..1");
        }

        if (DriftThreshold is <= 0m or >= 1m)
        {
            throw new ArgumentException("Treasury:DriftThreshold must be within (0, 1)");
        }

        if (OutcomeHorizonDays <= 0)
        {
            throw new ArgumentException("Treasury:OutcomeHorizonDays must be positive");
        }

        var venues = EffectiveBaseVenues();
        if (venues.Any(v => string.IsNullOrWhiteSpace(v.Asset) || string.IsNullOrWhiteSpace(v.Venue) || v.ShareOfBase < 0m || v.Apy is < -1m or > 1m))
        {
            throw new ArgumentException("Treasury:BaseVenues needs an Asset, a Venue, a non-negative ShareOfBase and an Apy within -1..1 for each venue");
        }

        if (venues.Sum(v => v.ShareOfBase) != 1m)
        {
            throw new ArgumentException("Treasury:BaseVenues ShareOfBase values must sum to 1");
        }

        _ = Limits();
        _ = ParsedMode();
        _ = Inception();
        return this;
    }

    public DateOnly? Inception() =>
        string.IsNullOrWhiteSpace(InceptionDate)
            ? null
            : DateOnly.TryParseExact(InceptionDate, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d)
                ? d
                : throw new ArgumentException($"Treasury:InceptionDate '{InceptionDate}' is not a yyyy-MM-dd date");
}
