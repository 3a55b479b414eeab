using TreasuryArena.Core.Common;

namespace TreasuryArena.Core.Compliance;

/// <summary>The snake_case codes of <see cref="ComplianceDocumentKind"/> (<c>risk_disclosure</c>, <c>membership_agreement</c>, <c>treasury_policy_attestation</c>).</summary>
public static class ComplianceDocumentKinds
{
    public static IReadOnlyList<ComplianceDocumentKind> All { get; } = Enum.GetValues<ComplianceDocumentKind>();

    public static string Code(this ComplianceDocumentKind kind) => kind switch
    {
        ComplianceDocumentKind.RiskDisclosure => "risk_disclosure",
        ComplianceDocumentKind.MembershipAgreement => "membership_agreement",
        ComplianceDocumentKind.TreasuryPolicyAttestation => "treasury_policy_attestation",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The kind of a code; refused <see cref="Outcome.UnknownComplianceItem"/> (naming the field <c>kind</c>) otherwise.</summary>
    public static ComplianceDocumentKind Parse(string? code)
    {
        foreach (var kind in All)
        {
            if (string.Equals(kind.Code(), code?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return kind;
            }
        }

        throw new DomainException(Outcome.UnknownComplianceItem, $"unknown document kind; use one of {string.Join(", ", All.Select(k => k.Code()))}") { Field = "kind" };
    }
}
