namespace TreasuryArena.Core.Advice;

/// <summary>
/// Parameters of the rule advisor (configuration section <c>Advisor:Rules</c>).
/// </summary>
public sealed class RuleAdvisorOptions
{
    public const string SectionName = "Advisor:Rules";

    /// <summary>Days after an acting decision during which the opposite move is refused (no flip-flopping).</summary>
    public int CoolDownDays { get; init; } = 7;

    /// <summary>Wallet proposals only (no treasury mandate): expected benefit of being on target, as a fraction of the
    /// mis-allocated value (drift × portfolio value).</summary>
    public decimal ExpectedEdge { get; init; } = 0.05m;

    /// <summary>Treasury R3: the risk-aversion coefficient γ pricing the tracking risk of an off-target portfolio
    /// (certainty-equivalent loss ½ · γ · σ² · drift² per year). 3 is a common moderate value.</summary>
    public decimal RiskAversion { get; init; } = 3m;

    /// <summary>Treasury R3: days of off-target tracking risk a rebalance is credited with removing: a quarter, since a drift
    /// left in place persists until the next band crossing (months apart on the shipped history), not just the journal's
    /// 30-day outcome horizon.</summary>
    public int BenefitHorizonDays { get; init; } = 90;

    /// <summary>Treasury R3: the annualised volatility used when BTC's 30-day realised volatility is missing.</summary>
    public decimal FallbackVolatility { get; init; } = 0.60m;

    /// <summary>Below this signal confidence a signal-only trigger (drift inside the band) is not acted on.</summary>
    public int MinSignalConfidence { get; init; } = 40;

    /// <summary>Below this signal confidence an approved rebalance is shrunk to half, unless the drift is past twice the band.</summary>
    public int ShrinkBelowConfidence { get; init; } = 60;

    /// <summary>Weight (in pseudo-calls) of the rule's own confidence against its observed hit rate when calibrating.</summary>
    public int CalibrationPrior { get; init; } = 10;
}
