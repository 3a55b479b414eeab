namespace TreasuryArena.Core.Audit;

/// <summary>What became of the audited request: done, refused (a rule or check said no), or held for review.</summary>
public enum AuditOutcome
{
    Done,
    Refused,
    Held,
}
