namespace TreasuryArena.Server.Contracts;

/// <summary><c>GET /api/wallet/{address}/transactions</c>: newest first; pass <see cref="NextBefore"/> as <c>?before=</c> for the next page (null: no more).</summary>
public sealed record WalletTransactionsResponse(string Address, IReadOnlyList<WalletTransactionResponse> Transactions, long? NextBefore);
