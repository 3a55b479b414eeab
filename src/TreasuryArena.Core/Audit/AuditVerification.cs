namespace TreasuryArena.Core.Audit;

/// <summary>The result of walking the chain: how many entries checked and where it first broke.</summary>
public sealed record AuditVerification(bool Valid, long Entries, long? FirstBadSequence, string? Problem);
