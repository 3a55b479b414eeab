namespace TreasuryArena.Core.MarketData;

/// <summary>
/// An asset's first liquid trading day (see <see cref="Inception"/> for the rule): no backtest, token or evaluation
/// trades the asset before <paramref name="Date"/>.
/// </summary>
/// <param name="Asset">Upper-case symbol (<c>BTC</c>, <c>ETH</c>).</param>
/// <param name="Date">The first liquid trading day.</param>
/// <param name="FirstData">The first date of the asset's price history (its prices before <paramref name="Date"/> may
/// feed indicators, never a trade).</param>
/// <param name="Reason">Why this date, in one sentence with its numbers and source.</param>
public sealed record AssetInception(string Asset, DateOnly Date, DateOnly FirstData, string Reason);
