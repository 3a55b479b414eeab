namespace TreasuryArena.Core.Intelligence;

/// <summary>
/// The allocation signal's parameters (bound from <c>Treasury:*</c> by the hosts). Shares are fractions of the whole
/// treasury. The MVRV sell ladder cuts the tactical sleeve by <see cref="LadderSellFraction"/> of its neutral size at
/// each threshold crossed.
/// </summary>
public sealed record SignalSettings
{
    public static SignalSettings Default { get; } = new();

    /// <summary>The neutral base-yield share (the rest is tactical): the 60/40 split.</summary>
    public double BaseShare { get; init; } = 0.60;

    /// <summary>The MVRV Z sell ladder, ascending.</summary>
    public IReadOnlyList<double> MvrvThresholds { get; init; } = [3.5, 5.0, 7.0, 9.0];

    /// <summary>
    /// The ladder's re-entry level: a rung sold stays sold until MVRV Z falls below this, when every rung is bought back
    /// (the treasury's <see cref="LadderState"/>; the library strategy <c>treasury-60-40</c> uses the same rule, its
    /// <c>reentry_z</c> default 1.0). Must be below the first threshold.
    /// </summary>
    public double LadderReentryZ { get; init; } = 1.0;

    /// <summary>Fraction of the neutral tactical share sold at each rung crossed (4 rungs × 0.25 = all of it).</summary>
    public double LadderSellFraction { get; init; } = 0.25;

    /// <summary>Fear &amp; Greed at or below this is extreme fear: tactical + <see cref="FearGreedTilt"/>.</summary>
    public double ExtremeFear { get; init; } = 25;

    /// <summary>Fear &amp; Greed at or above this is extreme greed: tactical − <see cref="FearGreedTilt"/>.</summary>
    public double ExtremeGreed { get; init; } = 76;

    public double FearGreedTilt { get; init; } = 0.05;

    /// <summary>Tactical tilt in ACCUMULATION (when no ladder rung is crossed).</summary>
    public double AccumulationTilt { get; init; } = 0.10;

    /// <summary>Tactical tilt in BEAR (negative: less risk).</summary>
    public double BearTilt { get; init; } = -0.05;

    public double MinTactical { get; init; }

    public double MaxTactical { get; init; } = 0.50;

    /// <summary>BTC's share of the tactical sleeve normally.</summary>
    public double BtcShareOfTactical { get; init; } = 0.70;

    /// <summary>BTC's share of the tactical sleeve in EUPHORIA, TOP and BEAR (ETH has the higher beta).</summary>
    public double BtcShareDefensive { get; init; } = 0.80;

    /// <summary>BTC's share when ETH outperformed BTC over 30 days by at least <see cref="EthMomentumEdge"/> (ACCUMULATION, EARLY_BULL).</summary>
    public double BtcShareEthMomentum { get; init; } = 0.60;

    public double EthMomentumEdge { get; init; } = 0.10;

    /// <summary>Throws <see cref="ArgumentException"/> when the settings are inconsistent.</summary>
    public void Validate()
    {
        static void Fraction(double v, string name)
        {
            if (!(v >= 0 && v <= 1))
            {
                throw new ArgumentException($"{name} must be within 0..1, got {v}");
            }
        }

        Fraction(BaseShare, nameof(BaseShare));
        Fraction(LadderSellFraction, nameof(LadderSellFraction));
        Fraction(MinTactical, nameof(MinTactical));
        Fraction(MaxTactical, nameof(MaxTactical));
        Fraction(BtcShareOfTactical, nameof(BtcShareOfTactical));
        Fraction(BtcShareDefensive, nameof(BtcShareDefensive));
        Fraction(BtcShareEthMomentum, nameof(BtcShareEthMomentum));
        if (MinTactical > MaxTactical)
        {
            throw new ArgumentException($"MinTactical {MinTactical} exceeds MaxTactical {MaxTactical}");
        }

        if (MvrvThresholds.Count == 0)
        {
            throw new ArgumentException("MvrvThresholds must not be empty");
        }

        for (var i = 0; i < MvrvThresholds.Count; i++)
        {
            if (!double.IsFinite(MvrvThresholds[i]) || (i > 0 && MvrvThresholds[i] <= MvrvThresholds[i - 1]))
            {
                throw new ArgumentException("MvrvThresholds must be finite and strictly ascending");
            }
        }

        if (!double.IsFinite(LadderReentryZ) || LadderReentryZ >= MvrvThresholds[0])
        {
            throw new ArgumentException("LadderReentryZ must be finite and below the first MVRV threshold");
        }

        if (!(ExtremeFear < ExtremeGreed))
        {
            throw new ArgumentException("ExtremeFear must be below ExtremeGreed");
        }
    }
}
