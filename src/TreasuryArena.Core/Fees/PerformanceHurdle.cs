namespace TreasuryArena.Core.Fees;

/// <summary>
/// The benchmark a performance fee must beat on top of the high-water mark (see <see cref="FeeCalculator"/>).
/// </summary>
public enum PerformanceHurdle
{
    /// <summary>The fee is charged on every gain above the high-water mark.</summary>
    None,

    /// <summary>
    /// The fee is charged only on the gain above the high-water mark grown, since the mark was set, at the US
    /// 3-month T-bill rate of the shipped history (FRED DTB3, converted to a daily simple rate).
    /// </summary>
    TBill,
}
