namespace TreasuryArena.Server.Contracts;

/// <summary>
/// <c>GET /api/admin/audit/verify</c>: the audit chain walked from the start (<see cref="Valid"/>) and the ledger's
/// own verification (hash chain, zero-sum postings, balances re-derived from the entries).
/// </summary>
public sealed record AuditVerifyResponse(bool Valid, long Entries, long? FirstBadSequence, string? Problem, LedgerVerifyResponse Ledger);
