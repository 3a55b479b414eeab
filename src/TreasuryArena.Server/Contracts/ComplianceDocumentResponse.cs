using TreasuryArena.Core.Application;
using TreasuryArena.Core.Compliance;

namespace TreasuryArena.Server.Contracts;

/// <summary>The current version of a compliance document, with the consent text a signer agrees to.</summary>
public sealed record ComplianceDocumentResponse(string Kind, string Version, string Text, string Sha256, DateTimeOffset PublishedAt, string ConsentText)
{
    public static ComplianceDocumentResponse From(ComplianceDocument d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new(d.Kind.Code(), d.Version, d.Text, d.Sha256, d.PublishedAt, ComplianceDocumentUseCases.ConsentText);
    }
}
