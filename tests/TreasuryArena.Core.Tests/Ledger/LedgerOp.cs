namespace TreasuryArena.Core.Tests.Ledger;

/// <summary>A generated ledger operation: kind plus raw parameters, turned into a command by <see cref="LedgerOpGen"/>.</summary>
public sealed record LedgerOp(int Kind, int Wallet, int Token, long Cents, int Percent, int Days)
{
    public override string ToString() => $"op{Kind}(w{Wallet},t{Token},{Cents}c,{Percent}%,{Days}d)";
}
