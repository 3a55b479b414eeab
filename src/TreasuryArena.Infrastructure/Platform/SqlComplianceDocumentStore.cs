using Dapper;
using TreasuryArena.Core.Compliance;
using TreasuryArena.Core.Identity;

namespace TreasuryArena.Infrastructure.Platform;

/// <summary>Compliance documents, signature records, review marks and member erasure (migration 0530).</summary>
public sealed class SqlComplianceDocumentStore(PlatformDatabase database) : IComplianceDocumentStore
{
    public async Task<bool> TryAddDocumentAsync(ComplianceDocument document, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(document);
        await using var c = await database.OpenAsync(ct);
        return await c.ExecuteAsync(new CommandDefinition(
            "INSERT INTO compliance_documents (kind, version, text, sha256, published_at, published_by) VALUES (@Kind, @Version, @Text, @Sha256, @At, @By) ON CONFLICT (kind, version) DO NOTHING",
            new { Kind = document.Kind.Code(), document.Version, document.Text, document.Sha256, At = Ticks.From(document.PublishedAt), By = document.PublishedBy },
            cancellationToken: ct)) == 1;
    }

    public async Task<ComplianceDocument?> CurrentDocumentAsync(ComplianceDocumentKind kind, CancellationToken ct)
    {
        await using var c = await database.OpenAsync(ct);
        var row = kind == ComplianceDocumentKind.RiskDisclosure
            ? await c.QueryFirstOrDefaultAsync<DocumentRow>(new CommandDefinition(
                "SELECT version, text, sha256, published_at, published_by FROM risk_disclosures ORDER BY published_at DESC, version DESC LIMIT 1", cancellationToken: ct))
            : await c.QueryFirstOrDefaultAsync<DocumentRow>(new CommandDefinition(
                "SELECT version, text, sha256, published_at, published_by FROM compliance_documents WHERE kind = @Kind ORDER BY published_at DESC, version DESC LIMIT 1",
                new { Kind = kind.Code() }, cancellationToken: ct));
        return row is null ? null : new ComplianceDocument(kind, row.version, row.text, row.sha256, Ticks.To(row.published_at), row.published_by);
    }

    public async Task AddSignatureAsync(SignatureRecord signature, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(signature);
        await using var c = await database.OpenAsync(ct);
        await c.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO signatures (id, organisation_id, kind, document_version, document_hash, typed_name, consent, consent_text, member_id, key_id, signed_at)
            VALUES (@Id, @Org, @Kind, @Version, @Hash, @Name, @Consent, @ConsentText, @Member, @Key, @At)
            """,
            new
            {
                Id = signature.Id.ToString(),
                Org = signature.OrganisationId.ToString(),
                Kind = signature.Kind.Code(),
                Version = signature.DocumentVersion,
                Hash = signature.DocumentHash,
                Name = signature.TypedName,
                Consent = signature.Consent ? 1 : 0,
                signature.ConsentText,
                Member = signature.MemberId.ToString(),
                Key = signature.KeyId.ToString(),
                At = Ticks.From(signature.SignedAt),
            },
            cancellationToken: ct));
    }

    public async Task<IReadOnlyList<SignatureRecord>> ListSignaturesAsync(Guid organisationId, CancellationToken ct)
    {
        await using var c = await database.OpenAsync(ct);
        var rows = await c.QueryAsync<SignatureRow>(new CommandDefinition(
            "SELECT * FROM signatures WHERE organisation_id = @Org ORDER BY signed_at DESC, id DESC", new { Org = organisationId.ToString() }, cancellationToken: ct));
        return [.. rows.Select(r => new SignatureRecord(
            Guid.Parse(r.id), Guid.Parse(r.organisation_id), ComplianceDocumentKinds.Parse(r.kind), r.document_version, r.document_hash, r.typed_name,
            r.consent == 1, r.consent_text, Guid.Parse(r.member_id), Guid.Parse(r.key_id), Ticks.To(r.signed_at)))];
    }

    public async Task AddReviewMarkAsync(ComplianceReviewMark mark, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(mark);
        await using var c = await database.OpenAsync(ct);
        await c.ExecuteAsync(new CommandDefinition(
            "INSERT INTO compliance_review_marks (organisation_id, item, marked_at, marked_by, member_id) VALUES (@Org, @Item, @At, @By, @Member) ON CONFLICT (organisation_id, item, marked_at) DO NOTHING",
            new { Org = mark.OrganisationId.ToString(), mark.Item, At = Ticks.From(mark.MarkedAt), By = mark.MarkedBy, Member = mark.MemberId.ToString() },
            cancellationToken: ct));
    }

    public async Task<IReadOnlyDictionary<string, ComplianceReviewMark>> LatestReviewMarksAsync(Guid organisationId, CancellationToken ct)
    {
        await using var c = await database.OpenAsync(ct);
        var rows = await c.QueryAsync<MarkRow>(new CommandDefinition(
            "SELECT * FROM compliance_review_marks WHERE organisation_id = @Org ORDER BY marked_at", new { Org = organisationId.ToString() }, cancellationToken: ct));
        var latest = new Dictionary<string, ComplianceReviewMark>(StringComparer.Ordinal);
        foreach (var r in rows)
        {
            latest[r.item] = new ComplianceReviewMark(Guid.Parse(r.organisation_id), r.item, Ticks.To(r.marked_at), r.marked_by, Guid.Parse(r.member_id));
        }

        return latest;
    }

    public async Task<Member?> FindMemberByNameAsync(Guid organisationId, string name, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(name);
        await using var c = await database.OpenAsync(ct);
        var row = await c.QueryFirstOrDefaultAsync<MemberRow>(new CommandDefinition(
            "SELECT id, name, created_at FROM members WHERE organisation_key = @Org AND name_key = @Key",
            new { Org = organisationId.ToString(), Key = name.Trim().ToUpperInvariant() }, cancellationToken: ct));
        return row is null ? null : new Member(Guid.Parse(row.id), organisationId, row.name, Ticks.To(row.created_at));
    }

    public async Task EraseMemberAsync(Member member, string pseudonym, DateTimeOffset at, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(member);
        await using var c = await database.OpenAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var p = new { Member = member.Id.ToString(), Pseudonym = pseudonym, Key = pseudonym.ToUpperInvariant(), At = Ticks.From(at),
            Org = member.OrganisationId?.ToString(), ByName = "by " + member.Name, ByPseudonym = "by " + pseudonym, NameActor = member.Name + " (", PseudonymActor = pseudonym + " (" };
        // Free text that quoted the name: notifications ("requested by NAME"), and actors written as "NAME (role, key …)"
        // before actors were pseudonymous (approvals, policy authors).
        await c.ExecuteAsync(new CommandDefinition("UPDATE notifications SET message = REPLACE(message, @ByName, @ByPseudonym) WHERE organisation_id = @Org", p, tx, cancellationToken: ct));
        await c.ExecuteAsync(new CommandDefinition(
            "UPDATE approvals SET requested_by = REPLACE(requested_by, @NameActor, @PseudonymActor), decided_by = REPLACE(decided_by, @NameActor, @PseudonymActor) WHERE organisation_id = @Org",
            p, tx, cancellationToken: ct));
        await c.ExecuteAsync(new CommandDefinition("UPDATE investment_policies SET author = REPLACE(author, @NameActor, @PseudonymActor) WHERE organisation_id = @Org", p, tx, cancellationToken: ct));
        await c.ExecuteAsync(new CommandDefinition("UPDATE members SET name = @Pseudonym, name_key = @Key WHERE id = @Member", p, tx, cancellationToken: ct));
        await c.ExecuteAsync(new CommandDefinition("UPDATE signatures SET typed_name = @Pseudonym WHERE member_id = @Member", p, tx, cancellationToken: ct));
        await c.ExecuteAsync(new CommandDefinition("UPDATE compliance_review_marks SET marked_by = @Pseudonym WHERE member_id = @Member", p, tx, cancellationToken: ct));
        await c.ExecuteAsync(new CommandDefinition(
            "INSERT INTO erased_members (member_id, pseudonym, erased_at) VALUES (@Member, @Pseudonym, @At) ON CONFLICT (member_id) DO NOTHING", p, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
    }

    private sealed class DocumentRow
    {
        public string version { get; set; } = "";
        public string text { get; set; } = "";
        public string sha256 { get; set; } = "";
        public long published_at { get; set; }
        public string published_by { get; set; } = "";
    }

    private sealed class SignatureRow
    {
        public string id { get; set; } = "";
        public string organisation_id { get; set; } = "";
        public string kind { get; set; } = "";
        public string document_version { get; set; } = "";
        public string document_hash { get; set; } = "";
        public string typed_name { get; set; } = "";
        public long consent { get; set; }
        public string consent_text { get; set; } = "";
        public string member_id { get; set; } = "";
        public string key_id { get; set; } = "";
        public long signed_at { get; set; }
    }

    private sealed class MarkRow
    {
        public string organisation_id { get; set; } = "";
        public string item { get; set; } = "";
        public long marked_at { get; set; }
        public string marked_by { get; set; } = "";
        public string member_id { get; set; } = "";
    }

    private sealed class MemberRow
    {
        public string id { get; set; } = "";
        public string name { get; set; } = "";
        public long created_at { get; set; }
    }
}
