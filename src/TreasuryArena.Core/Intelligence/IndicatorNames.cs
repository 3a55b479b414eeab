namespace TreasuryArena.Core.Intelligence;

/// <summary>The wire names of the indicators (JSON keys under <c>indicators</c>).</summary>
public static class IndicatorNames
{
    public const string BtcPrice = "btc_price";
    public const string BtcChange24h = "btc_change_24h";
    public const string BtcChange7d = "btc_change_7d";
    public const string BtcChange30d = "btc_change_30d";
    public const string EthPrice = "eth_price";
    public const string EthChange24h = "eth_change_24h";
    public const string EthChange7d = "eth_change_7d";
    public const string EthChange30d = "eth_change_30d";
    public const string BtcMa200 = "btc_ma_200d";
    public const string MayerMultiple = "btc_mayer_multiple";
    public const string BtcDrawdown365 = "btc_drawdown_365d";
    public const string MvrvZ = "mvrv_z";
    public const string FundingRate8h = "funding_rate_8h";
    public const string FundingRateAnnualised = "funding_rate_annualised";
    public const string FearGreed = "fear_greed";
    public const string BtcRealisedVol30d = "btc_realised_vol_30d";
    public const string EthRealisedVol30d = "eth_realised_vol_30d";
}
