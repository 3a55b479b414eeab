namespace TreasuryArena.Core.Ledger;

/// <summary>One balance: an account's holding of one unit.</summary>
public readonly record struct BalanceKey(LedgerAccount Account, LedgerUnit Unit);
