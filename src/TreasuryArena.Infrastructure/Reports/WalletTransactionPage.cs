namespace TreasuryArena.Infrastructure.Reports;

/// <summary>A page of a wallet's operations, newest first; <see cref="NextBefore"/> is the cursor of the next (older) page, null at the end.</summary>
public sealed record WalletTransactionPage(IReadOnlyList<WalletTransaction> Transactions, long? NextBefore);
