namespace TreasuryArena.Core.Backtesting;

/// <summary>
/// The bars of one tradable asset on a frame's date axis. <paramref name="Open"/> may hold <see cref="double.NaN"/>
/// where no open is known (fills then use the close). A yield asset's "price" is its accrual index (starts at 1).
/// </summary>
/// <param name="Symbol">Upper-case symbol such as <c>BTC</c> or <c>YIELD</c>.</param>
/// <param name="Open">Open prices, one per bar (NaN when unknown).</param>
/// <param name="Close">Close prices, one per bar, all positive.</param>
/// <param name="IsYield">True for the yield-bearing position: trades in and out of it pay no fee or slippage.</param>
public sealed record AssetBars(string Symbol, double[] Open, double[] Close, bool IsYield = false);
