namespace TreasuryArena.Core.Backtesting;

/// <summary>Names of the auxiliary (non-price) series a frame may carry.</summary>
public static class AuxSeries
{
    public const string MvrvZ = "mvrv_z";
    public const string FearGreed = "fear_greed";
    public const string TBill = "tbill_3m";
    public const string FundingRate = "funding_rate";
}
