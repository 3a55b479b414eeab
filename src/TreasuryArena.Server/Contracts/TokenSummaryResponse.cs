using System.ComponentModel;
using System.Text.Json.Serialization;
using TreasuryArena.Core.Fees;
using TreasuryArena.Core.Tokens;

namespace TreasuryArena.Server.Contracts;

/// <summary>
/// A token as <c>GET /api/tokens/list</c> shows it: the ledger's figures and fees, the 90-day metrics, the NAV change
/// over 1 and 30 days and a weekly NAV sparkline. <see cref="TokenResponse"/> (token info) is this plus the whole NAV
/// history, the lifecycle and the metrics table.
/// </summary>
public record TokenSummaryResponse
{
    public required string Symbol { get; init; }

    public required string Name { get; init; }

    public required string Strategy { get; init; }

    public required TokenStatus Status { get; init; }

    [Description("NAV per share now (the ledger's, after fees).")]
    public required decimal Nav { get; init; }

    public required decimal Supply { get; init; }

    [Description("Assets under management: NAV × supply, in USD.")]
    public required decimal GrossAssetValue { get; init; }

    public required int Holders { get; init; }

    public required decimal HighWaterMark { get; init; }

    public required DateOnly InceptionDate { get; init; }

    public required TokenFeesResponse Fees { get; init; }

    public string? Description { get; init; }

    [JsonPropertyName("return_90d")]
    [Description("NAV change over 90 days: latest NAV / the NAV 90 days earlier − 1 (not annualised); null with less than 90 days of NAVs.")]
    public decimal? Return90d { get; init; }

    [JsonPropertyName("volatility_90d")]
    [Description("Annualised (×√365) volatility of the last 90 daily NAV returns.")]
    public decimal? Volatility90d { get; init; }

    [JsonPropertyName("sharpe_90d")]
    [Description("Annualised Sharpe of the last 90 daily returns over the risk-free rate named in risk_free; null when undefined "
        + "(fewer than 90 returns, or volatility of excess returns below 0.5% a year).")]
    public decimal? Sharpe90d { get; init; }

    [JsonPropertyName("risk_free")]
    [Description("The risk-free rate of sharpe_90d: tbill-3m (US 3-month T-bill, FRED DTB3, daily simple rate, causal) or none.")]
    public string? RiskFree { get; init; }

    [JsonPropertyName("risk_free_rate_90d")]
    [Description("That rate's average over the 90-day window, annualised (× 365).")]
    public decimal? RiskFreeRate90d { get; init; }

    [JsonPropertyName("max_drawdown_90d")]
    public decimal? MaxDrawdown90d { get; init; }

    [Description("NAV / high-water mark − 1 on the latest NAV date (≤ 0).")]
    public decimal? Drawdown { get; init; }

    [Description("Date of the latest stored NAV point (null before the first NAV step).")]
    public DateOnly? NavDate { get; init; }

    [JsonPropertyName("change_1d")]
    [Description("NAV change over 1 day: latest stored NAV / the NAV stored one day earlier (or the last before it) − 1; null without such a point.")]
    public decimal? Change1d { get; init; }

    [JsonPropertyName("change_30d")]
    [Description("NAV change over 30 days: latest stored NAV / the NAV stored 30 days earlier (or the last before it) − 1; null without such a point.")]
    public decimal? Change30d { get; init; }

    [Description("Weekly NAV per share over the 90-day window, oldest first: the window's first point, then the NAV 7·k days before the latest "
        + "(the last point on or before each date) up to the latest. Numbers only; dates and the other fields are in the token's info nav_history. "
        + "Empty before the first NAV step.")]
    public required IReadOnlyList<decimal> Sparkline { get; init; }

    /// <summary>The ledger's figures of a token (no stored NAV history: no metrics, an empty sparkline).</summary>
    public static TokenSummaryResponse From(TokenView v)
    {
        ArgumentNullException.ThrowIfNull(v);
        var t = v.Token;
        return new TokenSummaryResponse
        {
            Symbol = t.Symbol,
            Name = t.Name,
            Strategy = t.StrategyId,
            Status = t.Status,
            Nav = v.NavPerShare.Value,
            Supply = v.Supply.Value,
            GrossAssetValue = v.GrossAssetValue.Amount,
            Holders = v.HolderCount,
            HighWaterMark = t.HighWaterMark.Value,
            InceptionDate = t.InceptionDate,
            Fees = new TokenFeesResponse(t.Fees.TradeFeeRate, t.Fees.ManagementFeeRate, t.Fees.PerformanceFeeRate, t.Fees.Crystallisation.ToString().ToLowerInvariant(), t.LastFeeDate,
                FeeSchedule.HurdleName(t.Fees.Hurdle), t.HighWaterMarkDate, t.HurdleMark.Value),
            Sparkline = [],
        };
    }
}
