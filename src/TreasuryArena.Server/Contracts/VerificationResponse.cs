using TreasuryArena.Core.Compliance;

namespace TreasuryArena.Server.Contracts;

/// <summary>The evidence recorded when an admin verified an organisation.</summary>
public sealed record VerificationResponse(string EntityType, string Registration, string Reviewer, DateTimeOffset VerifiedAt)
{
    public static VerificationResponse From(VerificationEvidence e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new(e.EntityType, e.Registration, e.Reviewer, e.VerifiedAt);
    }
}
