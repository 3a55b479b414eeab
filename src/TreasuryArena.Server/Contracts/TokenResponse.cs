using System.Text.Json.Serialization;
using TreasuryArena.Core.Tokens;

namespace TreasuryArena.Server.Contracts;

/// <summary>A token with its ledger-derived figures and fees.</summary>
public sealed record TokenResponse(
    string Symbol,
    string Name,
    string Strategy,
    TokenStatus Status,
    decimal Nav,
    decimal Supply,
    decimal GrossAssetValue,
    int Holders,
    decimal HighWaterMark,
    DateOnly InceptionDate,
    TokenFeesResponse Fees,
    string? Description = null,
    [property: JsonPropertyName("return_90d")] decimal? Return90d = null,
    [property: JsonPropertyName("volatility_90d")] decimal? Volatility90d = null,
    [property: JsonPropertyName("sharpe_90d")] decimal? Sharpe90d = null,
    [property: JsonPropertyName("max_drawdown_90d")] decimal? MaxDrawdown90d = null,
    decimal? Drawdown = null,
    DateOnly? NavDate = null,
    IReadOnlyList<NavPointResponse>? NavHistory = null,
    IReadOnlyList<LifecycleEventResponse>? Lifecycle = null,
    IReadOnlyDictionary<string, decimal?>? Metrics = null)
{
    public static TokenResponse From(TokenView v)
    {
        ArgumentNullException.ThrowIfNull(v);
        var t = v.Token;
        return new(
            t.Symbol,
            t.Name,
            t.StrategyId,
            t.Status,
            v.NavPerShare.Value,
            v.Supply.Value,
            v.GrossAssetValue.Amount,
            v.HolderCount,
            t.HighWaterMark.Value,
            t.InceptionDate,
            new TokenFeesResponse(t.Fees.TradeFeeRate, t.Fees.ManagementFeeRate, t.Fees.PerformanceFeeRate, t.Fees.Crystallisation.ToString().ToLowerInvariant(), t.LastFeeDate));
    }
}
