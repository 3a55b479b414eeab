namespace TreasuryArena.Core.Intelligence;

/// <summary>
/// The thresholds of the phase rules (see <see cref="PhaseRules"/>). Defaults were chosen on the shipped history and
/// are documented in the README; every one can be overridden.
/// </summary>
public sealed record PhaseSettings
{
    public static PhaseSettings Default { get; } = new();

    /// <summary>TOP when MVRV Z reaches this on its own (the third rung of the default sell ladder).</summary>
    public double TopMvrvZ { get; init; } = 7.0;

    /// <summary>TOP when MVRV Z reaches this while price is within <see cref="TopNearHighDrawdown"/> of its 365-day high.</summary>
    public double TopMvrvZNearHigh { get; init; } = 5.0;

    public double TopNearHighDrawdown { get; init; } = -0.10;

    /// <summary>Leverage blow-off: Fear &amp; Greed at least this, price within <see cref="BlowOffDrawdown"/> of its high,
    /// funding annualised at least <see cref="BlowOffFundingAnnualised"/>, MVRV Z at least <see cref="BlowOffMvrvZ"/>.</summary>
    public double BlowOffFearGreed { get; init; } = 75;

    public double BlowOffDrawdown { get; init; } = -0.05;

    public double BlowOffFundingAnnualised { get; init; } = 0.30;

    public double BlowOffMvrvZ { get; init; } = 3.0;

    /// <summary>EUPHORIA when MVRV Z reaches this (the first rung of the default sell ladder).</summary>
    public double EuphoriaMvrvZ { get; init; } = 3.5;

    public double EuphoriaMayer { get; init; } = 2.0;

    /// <summary>EUPHORIA on extreme greed (at least this) while price is at least <see cref="EuphoriaGreedMayer"/> × its 200-day MA.</summary>
    public double EuphoriaFearGreed { get; init; } = 76;

    public double EuphoriaGreedMayer { get; init; } = 1.2;

    /// <summary>ACCUMULATION when MVRV Z is at most this (market value near realised value).</summary>
    public double AccumulationMvrvZ { get; init; } = 0.5;

    /// <summary>ACCUMULATION when the Mayer multiple is at most this and price is down at least <see cref="AccumulationDrawdown"/>.</summary>
    public double AccumulationMayer { get; init; } = 0.8;

    public double AccumulationDrawdown { get; init; } = -0.50;

    /// <summary>BEAR when the Mayer multiple is below this (price under its 200-day MA).</summary>
    public double BearMayer { get; init; } = 1.0;

    /// <summary>BEAR when price is down at least this from its 365-day high.</summary>
    public double BearDrawdown { get; init; } = -0.35;

    /// <summary>Inputs older than this (relative to the as-of date) are ignored by the rules and counted missing.</summary>
    public TimeSpan MaxInputAge { get; init; } = TimeSpan.FromDays(7);

    /// <summary>The clauses in priority order: the first phase with a holding clause wins.</summary>
    public IReadOnlyList<PhaseClause> Clauses() =>
    [
        Clause(MarketPhase.Top, "top.mvrv_extreme", (IndicatorNames.MvrvZ, PhaseComparison.AtLeast, TopMvrvZ)),
        Clause(MarketPhase.Top, "top.mvrv_high_near_ath",
            (IndicatorNames.MvrvZ, PhaseComparison.AtLeast, TopMvrvZNearHigh),
            (IndicatorNames.BtcDrawdown365, PhaseComparison.AtLeast, TopNearHighDrawdown)),
        Clause(MarketPhase.Top, "top.leverage_blow_off",
            (IndicatorNames.FearGreed, PhaseComparison.AtLeast, BlowOffFearGreed),
            (IndicatorNames.BtcDrawdown365, PhaseComparison.AtLeast, BlowOffDrawdown),
            (IndicatorNames.FundingRateAnnualised, PhaseComparison.AtLeast, BlowOffFundingAnnualised),
            (IndicatorNames.MvrvZ, PhaseComparison.AtLeast, BlowOffMvrvZ)),
        Clause(MarketPhase.Euphoria, "euphoria.mvrv", (IndicatorNames.MvrvZ, PhaseComparison.AtLeast, EuphoriaMvrvZ)),
        Clause(MarketPhase.Euphoria, "euphoria.mayer", (IndicatorNames.MayerMultiple, PhaseComparison.AtLeast, EuphoriaMayer)),
        Clause(MarketPhase.Euphoria, "euphoria.greed",
            (IndicatorNames.FearGreed, PhaseComparison.AtLeast, EuphoriaFearGreed),
            (IndicatorNames.MayerMultiple, PhaseComparison.AtLeast, EuphoriaGreedMayer)),
        Clause(MarketPhase.Accumulation, "accumulation.mvrv", (IndicatorNames.MvrvZ, PhaseComparison.AtMost, AccumulationMvrvZ)),
        Clause(MarketPhase.Accumulation, "accumulation.deep_drawdown",
            (IndicatorNames.MayerMultiple, PhaseComparison.AtMost, AccumulationMayer),
            (IndicatorNames.BtcDrawdown365, PhaseComparison.AtMost, AccumulationDrawdown)),
        Clause(MarketPhase.Bear, "bear.below_ma200", (IndicatorNames.MayerMultiple, PhaseComparison.Below, BearMayer)),
        Clause(MarketPhase.Bear, "bear.drawdown", (IndicatorNames.BtcDrawdown365, PhaseComparison.AtMost, BearDrawdown)),
        Clause(MarketPhase.EarlyBull, "early_bull.above_ma200", (IndicatorNames.MayerMultiple, PhaseComparison.AtLeast, BearMayer)),
    ];

    private static PhaseClause Clause(MarketPhase phase, string name, params (string Indicator, PhaseComparison Op, double Threshold)[] conditions) =>
        new(phase, name, [.. conditions.Select(c => new PhaseCondition(c.Indicator, c.Op, c.Threshold))]);
}
