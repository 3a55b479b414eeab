namespace TreasuryArena.Core.Compliance;

/// <summary>A published version of a compliance document; <see cref="Sha256"/> pins the exact text signed.</summary>
public sealed record ComplianceDocument(ComplianceDocumentKind Kind, string Version, string Text, string Sha256, DateTimeOffset PublishedAt, string PublishedBy);
