namespace TreasuryArena.Core.Compliance;

/// <summary>The kinds of versioned compliance documents a treasurer signs (snake_case codes in the API and CLI).</summary>
public enum ComplianceDocumentKind
{
    RiskDisclosure,
    MembershipAgreement,
    TreasuryPolicyAttestation,
}
