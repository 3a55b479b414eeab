using TreasuryArena.Core.Common;

namespace TreasuryArena.Core.Wallets.Optimization;

/// <summary>What became of one order: <c>executed</c> (with the ledger's figures), <c>refused</c>, <c>held</c> (compliance review) or <c>skipped</c>.</summary>
public sealed record OrderExecution(
    string Symbol,
    OrderSide Side,
    string Status,
    decimal Cash,
    decimal Shares,
    decimal Fee,
    decimal Nav,
    string? Message)
{
    public bool Executed => Status == "executed";
}
