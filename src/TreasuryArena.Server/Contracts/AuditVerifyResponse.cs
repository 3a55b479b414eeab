namespace TreasuryArena.Server.Contracts;

/// <summary><c>GET /api/admin/audit/verify</c>: the chain walked from the start.</summary>
public sealed record AuditVerifyResponse(bool Valid, long Entries, long? FirstBadSequence, string? Problem);
