namespace TreasuryArena.Core.Compliance;

/// <summary>Port: compliance documents of a kind, ESIGN signature records, review marks and member erasure.</summary>
public interface IComplianceDocumentStore
{
    /// <summary>False when that kind already has that version.</summary>
    Task<bool> TryAddDocumentAsync(ComplianceDocument document, CancellationToken ct);

    /// <summary>The latest version of a kind (the risk disclosure from its own table), null when none was published.</summary>
    Task<ComplianceDocument?> CurrentDocumentAsync(ComplianceDocumentKind kind, CancellationToken ct);

    Task AddSignatureAsync(SignatureRecord signature, CancellationToken ct);

    /// <summary>The organisation's signatures, newest first.</summary>
    Task<IReadOnlyList<SignatureRecord>> ListSignaturesAsync(Guid organisationId, CancellationToken ct);

    Task AddReviewMarkAsync(ComplianceReviewMark mark, CancellationToken ct);

    /// <summary>The organisation's latest mark per item.</summary>
    Task<IReadOnlyDictionary<string, ComplianceReviewMark>> LatestReviewMarksAsync(Guid organisationId, CancellationToken ct);

    /// <summary>The member of the organisation with that name (case-insensitive), null when none.</summary>
    Task<Identity.Member?> FindMemberByNameAsync(Guid organisationId, string name, CancellationToken ct);

    /// <summary>
    /// Replaces the member's name (members table) and every name they typed on a signature or a review mark, or that a
    /// notification of their organisation quotes, with <paramref name="pseudonym"/>, and records the erasure; the API
    /// keys are revoked by the caller.
    /// </summary>
    Task EraseMemberAsync(Identity.Member member, string pseudonym, DateTimeOffset at, CancellationToken ct);
}
