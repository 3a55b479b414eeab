using TreasuryArena.Core.Common;

namespace TreasuryArena.Core.Compliance;

/// <summary>
/// The gate's answer to one trade. <see cref="Allowed"/>: execute it now. <see cref="Refused"/>: do nothing (already
/// audited). <see cref="Held"/>: a held trade was recorded for admin review (already audited and notified).
/// </summary>
public abstract record ComplianceVerdict
{
    private ComplianceVerdict()
    {
    }

    public sealed record Allowed : ComplianceVerdict;

    public sealed record Refused(Outcome Outcome, string Reason) : ComplianceVerdict
    {
        public string Code => Outcome.Code();
    }

    public sealed record Held(HeldTrade Trade) : ComplianceVerdict;

    public static readonly Allowed Allow = new();
}
