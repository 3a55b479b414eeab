namespace TreasuryArena.Core.Audit;

/// <summary>One thing to audit: who did what to which subject, how it ended, and a JSON detail.</summary>
public sealed record AuditRecord(string Actor, string Action, string Subject, AuditOutcome Outcome, string Detail);
