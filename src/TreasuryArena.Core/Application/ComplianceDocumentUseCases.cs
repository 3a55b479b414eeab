using System.Globalization;
using TreasuryArena.Core.Audit;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Compliance;
using TreasuryArena.Core.Identity;

namespace TreasuryArena.Core.Application;

/// <summary>
/// Compliance documents of a kind (publish, sign with an ESIGN signature record), the yearly compliance review (items,
/// due dates, the trading check) and the erasure of a member's personal data. The one implementation behind the API,
/// the CLI and the trade use case.
/// </summary>
public sealed class ComplianceDocumentUseCases(
    IComplianceDocumentStore documents,
    IComplianceStore compliance,
    IIdentityStore identity,
    IAuditLog audit,
    ComplianceReviewOptions options,
    TimeProvider time,
    INotifier? notifier = null)
{
    /// <summary>The consent shown before signing; a signature request must set <c>consent</c> to true.</summary>
    public const string ConsentText =
        "I agree to use an electronic signature. The full name I type is my signature on this document and has the same " +
        "legal effect as a handwritten signature (US ESIGN Act, 15 U.S.C. 7001). I may ask the platform operator for a paper copy.";

    /// <summary>The review items besides the documents (<c>document:KIND</c>).</summary>
    public const string VerificationItem = "verification_current";

    public const string IpsItem = "ips_reviewed";

    public const string KeyHoldersItem = "key_holders_reviewed";

    /// <summary>The items a member marks done (the IPS review until the IPS computes it; the key holders' review).</summary>
    public static IReadOnlyList<string> MarkableItems { get; } = [IpsItem, KeyHoldersItem];

    public ComplianceReviewOptions Options => options;

    public async Task<ComplianceDocument> PublishAsync(Caller caller, string kindCode, string version, string text, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var kind = ComplianceDocumentKinds.Parse(kindCode);
        RoleRules.RequireAdmin(caller, "document.publish");
        version = FreeText.Require(version, FreeText.DisclosureVersion);
        text = FreeText.Require(text, FreeText.DisclosureText);
        var doc = new ComplianceDocument(kind, version, text, RiskDisclosure.HashText(text), time.GetUtcNow(), caller.Actor);
        var added = kind == ComplianceDocumentKind.RiskDisclosure
            ? await compliance.TryAddDisclosureAsync(new RiskDisclosure(version, text, doc.Sha256, doc.PublishedAt, doc.PublishedBy), ct)
            : await documents.TryAddDocumentAsync(doc, ct);
        if (!added)
        {
            throw await AuditTrail.RefusedAsync(audit, caller, "document.publish", kind.Code(),
                new DomainException(Outcome.DocumentVersionExists, $"{kind.Code()} version '{version}' already exists"), Detail(("version", version)), ct);
        }

        await AuditTrail.DoneAsync(audit, caller, "document.publish", kind.Code(), Detail(("version", version), ("sha256", doc.Sha256)), ct);
        return doc;
    }

    public async Task<ComplianceDocument> CurrentAsync(string kindCode, CancellationToken ct)
    {
        var kind = ComplianceDocumentKinds.Parse(kindCode);
        return await documents.CurrentDocumentAsync(kind, ct)
               ?? throw new DomainException(Outcome.NoComplianceDocument, $"no {kind.Code()} has been published");
    }

    /// <summary>
    /// Signs the current version of a document for the caller's organisation: the caller must be its treasurer (or an
    /// admin acting for it), type their full name and consent explicitly. Stores the signature record and writes it into
    /// the audit chain (<c>org.sign</c>: document hash, member, key, consent; the typed name stays out of the chain).
    /// Signing the risk disclosure also records the treasurer's attestation the trade gate reads.
    /// </summary>
    public async Task<SignatureRecord> SignAsync(Caller caller, Guid organisationId, string kindCode, string? documentVersion, string typedName, bool consent, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var kind = ComplianceDocumentKinds.Parse(kindCode);
        var subject = organisationId.ToString();
        try
        {
            RoleRules.RequireTreasurer(caller, "org.sign");
            if (caller.Role != Role.Admin && caller.OrganisationId != organisationId)
            {
                throw new DomainException(Outcome.OrganisationRequired, "a treasurer signs for their own organisation only");
            }

            typedName = FreeText.Require(typedName, FreeText.TypedName);
            documentVersion = FreeText.Optional(documentVersion, FreeText.DocumentVersion);
            if (!consent)
            {
                throw new DomainException(Outcome.ConsentRequired, "set consent to true to agree to sign electronically: " + ConsentText) { Field = "consent" };
            }

            var current = await documents.CurrentDocumentAsync(kind, ct)
                          ?? throw new DomainException(Outcome.NoComplianceDocument, $"no {kind.Code()} has been published");
            if (documentVersion is not null && !string.Equals(documentVersion, current.Version, StringComparison.Ordinal))
            {
                throw new DomainException(Outcome.NoComplianceDocument, $"the current {kind.Code()} version is '{current.Version}', not '{documentVersion}'") { Field = "document_version" };
            }

            if (await identity.FindOrganisationAsync(organisationId, ct) is null)
            {
                throw new DomainException(Outcome.OrganisationNotFound, $"no organisation with id {organisationId}");
            }

            var now = time.GetUtcNow();
            var signature = new SignatureRecord(Guid.CreateVersion7(now), organisationId, kind, current.Version, current.Sha256, typedName, true, ConsentText,
                caller.MemberId, caller.KeyId, now);
            await documents.AddSignatureAsync(signature, ct);
            if (kind == ComplianceDocumentKind.RiskDisclosure)
            {
                await compliance.AddAttestationAsync(new Attestation(organisationId, current.Version, current.Sha256, Pseudonym(caller.MemberId), caller.Actor, now), ct);
            }

            await AuditTrail.DoneAsync(audit, caller, "org.sign", subject, Detail(
                ("signature_id", signature.Id.ToString()),
                ("kind", kind.Code()),
                ("document_version", signature.DocumentVersion),
                ("document_hash", signature.DocumentHash),
                ("member_id", signature.MemberId.ToString()),
                ("key_id", signature.KeyId.ToString()),
                ("consent", true),
                ("consent_text_sha256", RiskDisclosure.HashText(ConsentText))), ct);
            return signature;
        }
        catch (DomainException ex)
        {
            throw await AuditTrail.RefusedAsync(audit, caller, "org.sign", subject, ex, Detail(("kind", kind.Code())), ct);
        }
    }

    public async Task<IReadOnlyList<SignatureRecord>> SignaturesAsync(Caller caller, Guid organisationId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        RequireRead(caller, organisationId);
        return await documents.ListSignaturesAsync(organisationId, ct);
    }

    /// <summary>The yearly review: verification, each published document at its current version, the IPS, the key holders.</summary>
    public async Task<ComplianceReview> ReviewAsync(Guid organisationId, CancellationToken ct)
    {
        var org = await identity.FindOrganisationAsync(organisationId, ct)
                  ?? throw new DomainException(Outcome.OrganisationNotFound, $"no organisation with id {organisationId}");
        var now = time.GetUtcNow();
        var period = TimeSpan.FromDays(options.ReviewPeriodDays);
        var items = new List<ComplianceReviewItem>();

        ComplianceReviewItem Item(string name, DateTimeOffset? last, DateTimeOffset since, string detail)
        {
            var due = (last ?? since) + period;
            return new ComplianceReviewItem(name, last, due, now > due, detail);
        }

        var verification = await compliance.FindVerificationAsync(organisationId, ct);
        items.Add(Item(VerificationItem, verification?.VerifiedAt, org.CreatedAt,
            verification is null ? "the organisation has not been verified" : $"verified by {verification.Reviewer}"));

        var signatures = await documents.ListSignaturesAsync(organisationId, ct);
        var attestation = await compliance.LatestAttestationAsync(organisationId, ct);
        foreach (var kind in ComplianceDocumentKinds.All)
        {
            if (await documents.CurrentDocumentAsync(kind, ct) is not { } current)
            {
                continue; // nothing published: nothing to accept
            }

            DateTimeOffset? last = signatures.FirstOrDefault(s => s.Kind == kind && s.DocumentHash == current.Sha256)?.SignedAt;
            if (last is null && kind == ComplianceDocumentKind.RiskDisclosure && attestation is not null && attestation.DocumentHash == current.Sha256)
            {
                last = attestation.AttestedAt;
            }

            var since = current.PublishedAt > org.CreatedAt ? current.PublishedAt : org.CreatedAt;
            items.Add(Item("document:" + kind.Code(), last, since,
                last is null ? $"version {current.Version} not yet accepted" : $"version {current.Version} accepted"));
        }

        var marks = await documents.LatestReviewMarksAsync(organisationId, ct);
        foreach (var item in MarkableItems)
        {
            var mark = marks.GetValueOrDefault(item);
            items.Add(Item(item, mark?.MarkedAt, org.CreatedAt, mark is null ? "never reviewed" : "reviewed"));
        }

        return new ComplianceReview(organisationId, now, items);
    }

    /// <summary>
    /// Notifies each organisation's overdue review items (<c>compliance_review_overdue</c>), once per item and due date
    /// (an item already notified for that due date is not notified again): the daily <c>compliance-review</c> job.
    /// Returns how many notifications it sent.
    /// </summary>
    public async Task<int> NotifyOverdueAsync(CancellationToken ct)
    {
        if (notifier is null)
        {
            return 0;
        }

        var sent = 0;
        foreach (var org in await identity.ListOrganisationsAsync(ct))
        {
            var review = await ReviewAsync(org.Id, ct);
            if (review.OverdueItems.Count == 0)
            {
                continue;
            }

            var notified = (await compliance.ListNotificationsAsync(org.Id, 1_000, ct))
                .Where(n => n.Kind == Notifications.NotificationKinds.ComplianceReviewOverdue && n.OrganisationId == org.Id)
                .Select(n => n.Subject)
                .ToHashSet(StringComparer.Ordinal);
            foreach (var item in review.OverdueItems)
            {
                var subject = string.Create(CultureInfo.InvariantCulture, $"{item.Item} due {item.DueAt:yyyy-MM-dd}");
                if (!notified.Add(subject))
                {
                    continue;
                }

                var message = string.Create(CultureInfo.InvariantCulture,
                    $"{org.Name}: the yearly compliance review item {item.Item} was due on {item.DueAt:yyyy-MM-dd} ({item.Detail}); mark it reviewed once done.");
                await notifier.NotifyAsync(new Notification(Notifications.NotificationKinds.ComplianceReviewOverdue, subject, message, review.AsOf, org.Id), ct);
                sent++;
            }
        }

        return sent;
    }

    public async Task<ComplianceReview> ReviewAsync(Caller caller, Guid organisationId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        RequireRead(caller, organisationId);
        return await ReviewAsync(organisationId, ct);
    }

    /// <summary>Marks a review item (<see cref="MarkableItems"/>) done for the organisation; audited <c>org.review</c>.</summary>
    public async Task<ComplianceReviewMark> MarkReviewedAsync(Caller caller, Guid organisationId, string item, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var subject = organisationId.ToString();
        try
        {
            RoleRules.RequireTreasurer(caller, "org.review");
            if (caller.Role != Role.Admin && caller.OrganisationId != organisationId)
            {
                throw new DomainException(Outcome.OrganisationRequired, "a treasurer reviews their own organisation only");
            }

            item = MarkableItems.FirstOrDefault(i => string.Equals(i, item?.Trim(), StringComparison.OrdinalIgnoreCase))
                   ?? throw new DomainException(Outcome.UnknownComplianceItem, $"unknown review item; use one of {string.Join(", ", MarkableItems)}") { Field = "item" };
            if (await identity.FindOrganisationAsync(organisationId, ct) is null)
            {
                throw new DomainException(Outcome.OrganisationNotFound, $"no organisation with id {organisationId}");
            }
        }
        catch (DomainException ex)
        {
            throw await AuditTrail.RefusedAsync(audit, caller, "org.review", subject, ex, null, ct);
        }

        var mark = new ComplianceReviewMark(organisationId, item, time.GetUtcNow(), caller.Actor, caller.MemberId);
        await documents.AddReviewMarkAsync(mark, ct);
        await AuditTrail.DoneAsync(audit, caller, "org.review", subject, Detail(("item", item), ("member_id", caller.MemberId.ToString())), ct);
        return mark;
    }

    /// <summary>
    /// The trade rule of the review: null when nothing is overdue; otherwise the warnings to return with the trade, or a
    /// refusal (<see cref="Outcome.ComplianceReviewOverdue"/>) when the operator set <c>Compliance:RefuseTradingWhenReviewOverdue</c>.
    /// </summary>
    public async Task<IReadOnlyList<string>> TradingWarningsAsync(Guid organisationId, CancellationToken ct)
    {
        if (await identity.FindOrganisationAsync(organisationId, ct) is null)
        {
            return [];
        }

        var overdue = (await ReviewAsync(organisationId, ct)).OverdueItems;
        if (overdue.Count == 0)
        {
            return [];
        }

        var list = string.Join(", ", overdue.Select(i => string.Create(CultureInfo.InvariantCulture, $"{i.Item} (due {i.DueAt:yyyy-MM-dd})")));
        if (options.RefuseTradingWhenReviewOverdue)
        {
            throw new DomainException(Outcome.ComplianceReviewOverdue, "the yearly compliance review is overdue: " + list);
        }

        return [.. overdue.Select(i => string.Create(CultureInfo.InvariantCulture, $"compliance review overdue: {i.Item} (due {i.DueAt:yyyy-MM-dd})"))];
    }

    /// <summary>
    /// Erases a member's personal data: their name (and every name they typed on a signature, and the name in their
    /// organisation's notifications) becomes a pseudonym derived from their id, and their API keys are revoked (which
    /// ends their sessions). The ledger and the audit chain are not rewritten (they keep verifying): audit entries and
    /// stored records name members by that pseudonym only (<see cref="Caller.Actor"/>), and the members table that
    /// mapped it to the name now holds the pseudonym; the erasure is audited without the name.
    /// </summary>
    public async Task<MemberErasure> EraseMemberAsync(Caller caller, Guid organisationId, string memberName, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var subject = organisationId.ToString();
        Member member;
        try
        {
            RoleRules.RequireAdmin(caller, "member.erase");
            memberName = FreeText.Require(memberName, FreeText.MemberName);
            member = await documents.FindMemberByNameAsync(organisationId, memberName, ct)
                     ?? throw new DomainException(Outcome.MemberNotFound, "no member of that name in the organisation") { Field = "member" };
        }
        catch (DomainException ex)
        {
            throw await AuditTrail.RefusedAsync(audit, caller, "member.erase", subject, ex, null, ct);
        }

        var now = time.GetUtcNow();
        var pseudonym = Pseudonym(member.Id);
        await documents.EraseMemberAsync(member, pseudonym, now, ct);
        var revoked = new List<Guid>();
        foreach (var key in await identity.ListKeysAsync(organisationId, ct))
        {
            if (key.MemberId == member.Id && key.IsActive && await identity.RevokeKeyAsync(key.Id, now, ct))
            {
                revoked.Add(key.Id);
            }
        }

        await AuditTrail.DoneAsync(audit, caller, "member.erase", subject,
            Detail(("member_id", member.Id.ToString()), ("pseudonym", pseudonym), ("keys_revoked", revoked.Select(k => k.ToString()).ToList())), ct);
        return new MemberErasure(member with { Name = pseudonym }, pseudonym, revoked);
    }

    /// <summary>The pseudonymous id of a member: <c>member-</c> and the first 12 hex digits of the SHA-256 of their id.</summary>
    public static string Pseudonym(Guid memberId) => Member.PseudonymOf(memberId);

    private static void RequireRead(Caller caller, Guid organisationId)
    {
        if (!caller.CanRead(organisationId))
        {
            throw new DomainException(Outcome.OrganisationRequired, "a member reads their own organisation only");
        }
    }

    private static Dictionary<string, object?> Detail(params (string Key, object? Value)[] pairs) =>
        pairs.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
}
