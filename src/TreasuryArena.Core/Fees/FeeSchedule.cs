using TreasuryArena.Core.Common;

namespace TreasuryArena.Core.Fees;

/// <summary>
/// A token's fees, as fractions (0.01 = 1%). Defaults come from the business plan: 1% trade fee on buys and sells,
/// 1%/year management fee accrued daily, 10% performance fee over the high-water mark crystallised quarterly, no
/// hurdle. The formulas are in <see cref="FeeCalculator"/>.
/// </summary>
public sealed record FeeSchedule
{
    public FeeSchedule(
        decimal tradeFeeRate, decimal managementFeeRate, decimal performanceFeeRate, CrystallisationSchedule crystallisation, PerformanceHurdle hurdle = PerformanceHurdle.None)
    {
        Check(tradeFeeRate, nameof(tradeFeeRate));
        Check(managementFeeRate, nameof(managementFeeRate));
        Check(performanceFeeRate, nameof(performanceFeeRate));
        TradeFeeRate = tradeFeeRate;
        ManagementFeeRate = managementFeeRate;
        PerformanceFeeRate = performanceFeeRate;
        Crystallisation = crystallisation;
        if (!Enum.IsDefined(hurdle))
        {
            throw new DomainException(Outcome.InvalidHurdle, $"unknown performance hurdle {hurdle}");
        }

        Hurdle = hurdle;
    }

    /// <summary>1% trade, 1%/year management, 10% performance, quarterly crystallisation.</summary>
    public static FeeSchedule Default { get; } = new(0.01m, 0.01m, 0.10m, CrystallisationSchedule.Quarterly);

    /// <summary>No fees at all (useful for a treasury's own fund).</summary>
    public static FeeSchedule None { get; } = new(0m, 0m, 0m, CrystallisationSchedule.Quarterly);

    /// <summary>Fraction of the gross cash of a buy or sell paid to the platform.</summary>
    public decimal TradeFeeRate { get; }

    /// <summary>Nominal annual fraction of gross asset value, accrued daily (ACT/365, linear).</summary>
    public decimal ManagementFeeRate { get; }

    /// <summary>Fraction of the gain above the high-water mark paid at crystallisation.</summary>
    public decimal PerformanceFeeRate { get; }

    public CrystallisationSchedule Crystallisation { get; }

    /// <summary>The benchmark the performance fee must beat on top of the high-water mark.</summary>
    public PerformanceHurdle Hurdle { get; }

    /// <summary>This schedule with another hurdle.</summary>
    public FeeSchedule WithHurdle(PerformanceHurdle hurdle) => new(TradeFeeRate, ManagementFeeRate, PerformanceFeeRate, Crystallisation, hurdle);

    /// <summary>Parses <c>none</c> or <c>tbill</c> (case-insensitive); null for anything else.</summary>
    public static PerformanceHurdle? ParseHurdle(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "none" => PerformanceHurdle.None,
        "tbill" => PerformanceHurdle.TBill,
        _ => null,
    };

    /// <summary>The API and CLI spelling of a hurdle: <c>none</c> or <c>tbill</c>.</summary>
    public static string HurdleName(PerformanceHurdle hurdle) => hurdle == PerformanceHurdle.TBill ? "tbill" : "none";

    private static void Check(decimal rate, string name)
    {
        if (rate < 0m || rate >= 1m || !RoundingPolicy.FitsScale(rate, 8))
        {
            throw new DomainException(Outcome.InvalidFeeRate, $"{name} must be in [0, 1) with at most 8 decimals");
        }
    }
}
