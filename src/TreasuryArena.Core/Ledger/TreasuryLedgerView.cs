namespace TreasuryArena.Core.Ledger;

/// <summary>An organisation's treasury in the ledger: cash, positions (by asset) and its last operation's id.</summary>
public sealed record TreasuryLedgerView(string Organisation, decimal Cash, IReadOnlyList<TreasuryLedgerPosition> Positions, long LastOperationId);
