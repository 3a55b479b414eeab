namespace TreasuryArena.Infrastructure.Reports;

/// <summary>One operation on a wallet, as the transactions list shows it: <see cref="Sequence"/> is its last ledger entry's sequence (the paging cursor).</summary>
public sealed record WalletTransaction(long Sequence, long OperationId, StatementTransaction Operation);
