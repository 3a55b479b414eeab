namespace TreasuryArena.Infrastructure.Storage.Backup;

/// <summary>The ledger journal's head (<c>ledger_head</c>): the last entry's sequence and hash.</summary>
public sealed record LedgerHeadInfo(long Seq, string Hash);
