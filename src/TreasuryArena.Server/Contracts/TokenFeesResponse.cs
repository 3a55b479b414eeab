using System.ComponentModel;

namespace TreasuryArena.Server.Contracts;

/// <summary>A token's fee schedule (fractions: 0.01 = 1%) and where its performance fee stands.</summary>
public sealed record TokenFeesResponse(
    decimal TradeFeeRate,
    decimal ManagementFeeRate,
    decimal PerformanceFeeRate,
    string Crystallisation,
    DateOnly LastFeeDate,
    [property: Description("The performance fee's benchmark: `none` (every gain above the high-water mark) or `tbill` (only the gain above the high-water mark grown at the US 3-month T-bill rate since it was set).")]
    string Hurdle,
    [property: Description("The NAV date the high-water mark was last set (the first subscription into an empty fund, or a crystallisation that charged a fee).")]
    DateOnly HighWaterMarkDate,
    [property: Description("The NAV per share above which a performance fee is charged now: the high-water mark, grown at the hurdle when there is one.")]
    decimal PerformanceFeeMark);
