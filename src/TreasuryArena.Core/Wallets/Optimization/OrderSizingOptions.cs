namespace TreasuryArena.Core.Wallets.Optimization;

/// <summary>How orders are sized: the trade fee, the smallest order worth placing and the share precision.</summary>
public sealed record OrderSizingOptions
{
    /// <summary>Trade fee as a fraction of the traded amount (default 1%, the business plan's trade fee).</summary>
    public decimal TradeFeeRate { get; init; } = 0.01m;

    /// <summary>Orders smaller than this (USD) are not placed (default $25).</summary>
    public decimal MinTradeUsd { get; init; } = 25m;

    /// <summary>Decimal places of a share quantity; sells round down to it so a wallet never sells shares it lacks.</summary>
    public int ShareDecimals { get; init; } = 8;

    /// <summary>Decimal places of cash (USD cents); buys round down to it so cash never goes negative.</summary>
    public int CashDecimals { get; init; } = 2;
}
