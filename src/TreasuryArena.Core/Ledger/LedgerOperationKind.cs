namespace TreasuryArena.Core.Ledger;

/// <summary>The business operations of the ledger (each accepted one is an atomic group of entries, possibly empty).</summary>
public enum LedgerOperationKind
{
    CreateWallet,
    UpdateWallet,
    CreateToken,
    ChangeTokenStatus,
    Deposit,
    Withdraw,
    Buy,
    Sell,
    Revalue,
    AccrueFees,
    TreasuryDeposit,
    TreasuryTrade,
    TreasuryRevalue,
}
