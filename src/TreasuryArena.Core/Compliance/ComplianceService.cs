using System.Globalization;
using System.Text.Json;
using TreasuryArena.Core.Audit;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Identity;
using TreasuryArena.Core.Notifications;

namespace TreasuryArena.Core.Compliance;

/// <summary>Admin and treasurer use cases of compliance: verification, disclosures, attestations, halt, holds.</summary>
public sealed class ComplianceService(IComplianceStore store, IIdentityStore identity, IAuditLog audit, INotifier notifier, TimeProvider time)
{
    /// <summary>The longest evidence field, version or signer (the free-text policy's, <see cref="FreeText.NameMaxLength"/>).</summary>
    public const int MaxFieldLength = FreeText.NameMaxLength;

    /// <summary>The longest disclosure document (the free-text policy's, <see cref="FreeText.DocumentMaxLength"/>).</summary>
    public const int MaxDisclosureLength = FreeText.DocumentMaxLength;

    public async Task<VerificationEvidence> VerifyAsync(Caller caller, Guid organisationId, string entityType, string registration, string reviewer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var org = await RequireOrganisationAsync(caller, "org.verify", organisationId, ct);
        var evidence = new VerificationEvidence(
            org.Id,
            FreeText.Require(entityType, FreeText.EntityType),
            FreeText.Require(registration, FreeText.Registration),
            FreeText.Require(reviewer, FreeText.Reviewer),
            time.GetUtcNow());
        await store.AddVerificationAsync(evidence, ct);
        await identity.UpdateOrganisationAsync(org with { Status = OrganisationStatus.Verified }, ct);
        await audit.AppendAsync(
            new AuditRecord(caller.Actor, "org.verify", org.Id.ToString(), AuditOutcome.Done, Json(new { evidence.EntityType, evidence.Registration, evidence.Reviewer })),
            ct);
        return evidence;
    }

    public async Task<Organisation> RejectAsync(Caller caller, Guid organisationId, string reason, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var org = await RequireOrganisationAsync(caller, "org.reject", organisationId, ct);
        reason = FreeText.Require(reason, FreeText.Reason);
        var updated = org with { Status = OrganisationStatus.Rejected };
        await identity.UpdateOrganisationAsync(updated, ct);
        await audit.AppendAsync(new AuditRecord(caller.Actor, "org.reject", org.Id.ToString(), AuditOutcome.Done, Json(new { reason })), ct);
        return updated;
    }

    public async Task<RiskDisclosure> PublishDisclosureAsync(Caller caller, string version, string text, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        version = FreeText.Require(version, FreeText.DisclosureVersion);
        text = FreeText.Require(text, FreeText.DisclosureText);

        var doc = new RiskDisclosure(version, text, RiskDisclosure.HashText(text), time.GetUtcNow(), caller.Actor);
        if (!await store.TryAddDisclosureAsync(doc, ct))
        {
            await audit.AppendAsync(new AuditRecord(caller.Actor, "disclosure.publish", version, AuditOutcome.Refused, Json(new { code = Outcome.DisclosureVersionExists.Code() })), ct);
            throw new DomainException(Outcome.DisclosureVersionExists, $"risk disclosure version '{version}' already exists");
        }

        await audit.AppendAsync(new AuditRecord(caller.Actor, "disclosure.publish", version, AuditOutcome.Done, Json(new { sha256 = doc.Sha256 })), ct);
        return doc;
    }

    public async Task<Attestation> AttestAsync(Caller caller, Guid organisationId, string documentVersion, string signer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var org = await RequireOrganisationAsync(caller, "org.attest", organisationId, ct);
        documentVersion = FreeText.Require(documentVersion, FreeText.DocumentVersion);
        signer = FreeText.Require(signer, FreeText.Signer);
        var current = await store.CurrentDisclosureAsync(ct);
        if (current is null || !string.Equals(current.Version, documentVersion, StringComparison.Ordinal))
        {
            await audit.AppendAsync(new AuditRecord(caller.Actor, "org.attest", org.Id.ToString(), AuditOutcome.Refused, Json(new { code = Outcome.NotCurrentDisclosure.Code(), documentVersion })), ct);
            throw new DomainException(
                Outcome.NotCurrentDisclosure,
                current is null ? "no risk disclosure has been published" : $"the current risk disclosure version is '{current.Version}', not '{documentVersion}'");
        }

        var attestation = new Attestation(org.Id, current.Version, current.Sha256, signer, caller.Actor, time.GetUtcNow());
        await store.AddAttestationAsync(attestation, ct);
        await audit.AppendAsync(
            new AuditRecord(caller.Actor, "org.attest", org.Id.ToString(), AuditOutcome.Done, Json(new { document_version = current.Version, document_hash = current.Sha256, signer })),
            ct);
        return attestation;
    }

    public async Task<PlatformHalt> SetHaltAsync(Caller caller, bool halted, string? reason, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        reason = FreeText.Optional(reason, FreeText.Reason);
        var now = time.GetUtcNow();
        await store.SetHaltAsync(halted, reason, caller.Actor, now, ct);
        await audit.AppendAsync(new AuditRecord(caller.Actor, halted ? "platform.halt" : "platform.resume", "platform", AuditOutcome.Done, Json(new { reason })), ct);
        await notifier.NotifyAsync(new Notification(halted ? "platform_halted" : "platform_resumed", "platform", reason ?? (halted ? "trading halted" : "trading resumed"), now, null), ct);
        return new PlatformHalt(halted, reason, caller.Actor, now);
    }

    public async Task<HeldTrade> RequireHoldAsync(Guid id, CancellationToken ct) =>
        await store.FindHoldAsync(id, ct) ?? throw new DomainException(Outcome.HoldNotFound, $"no held trade with id {id}");

    /// <summary>Marks a held trade decided; the first decision wins, a second is a 409.</summary>
    public async Task DecideHoldAsync(Caller caller, Guid id, HoldStatus status, string? result, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (status == HoldStatus.Held)
        {
            throw new ArgumentException("a decision releases or rejects", nameof(status));
        }

        if (!await store.TryDecideHoldAsync(id, status, caller.Actor, time.GetUtcNow(), result, ct))
        {
            throw new DomainException(Outcome.HoldAlreadyDecided, $"held trade {id} was already decided");
        }

        await audit.AppendAsync(
            new AuditRecord(caller.Actor, status == HoldStatus.Released ? "hold.release" : "hold.reject", id.ToString(), AuditOutcome.Done, Json(new { result })),
            ct);
        if (await store.FindHoldAsync(id, ct) is { } h)
        {
            var released = status == HoldStatus.Released;
            var what = h.IsPlan ? "rebalance plan" : string.Create(CultureInfo.InvariantCulture, $"{h.Side.ToString().ToLowerInvariant()} {h.Symbol}");
            await notifier.NotifyAsync(new Notification(released ? NotificationKinds.TradeReleased : NotificationKinds.TradeRejected, h.WalletAddress,
                string.Create(CultureInfo.InvariantCulture, $"held {what} for ${h.UsdValue:0.00} {(released ? "released" : "rejected")} by {caller.MemberName}: {result ?? (released ? "executed" : "nothing executed")}"),
                time.GetUtcNow(), h.OrganisationId), ct);
        }
    }

    /// <summary>
    /// Expires every hold (trade or plan) still pending <paramref name="lifetime"/> after it was held: nothing executes,
    /// the hold shows as <c>expired</c>, each expiry is audited (<c>hold.expire</c>) and notified (<c>hold_expired</c>).
    /// The one call behind the hourly job, the API and the CLI; returns the expired holds.
    /// </summary>
    public async Task<IReadOnlyList<HeldTrade>> ExpireHoldsAsync(TimeSpan lifetime, string actor, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var expired = new List<HeldTrade>();
        foreach (var h in await store.ListHoldsAsync(HoldStatus.Held, null, ct))
        {
            if (h.ExpiresAt(lifetime) > now)
            {
                continue;
            }

            var result = string.Create(CultureInfo.InvariantCulture, $"expired: not decided within {lifetime.TotalHours:0.#} h of {h.HeldAt:yyyy-MM-dd HH:mm}Z; nothing executed");
            if (!await store.TryDecideHoldAsync(h.Id, HoldStatus.Expired, actor, now, result, ct))
            {
                continue;
            }

            await audit.AppendAsync(new AuditRecord(actor, "hold.expire", h.Id.ToString(), AuditOutcome.Done, Json(new { wallet = h.WalletAddress, symbol = h.Symbol, usd_value = h.UsdValue, result })), ct);
            var what = h.IsPlan ? "rebalance plan" : string.Create(CultureInfo.InvariantCulture, $"{h.Side.ToString().ToLowerInvariant()} {h.Symbol}");
            await notifier.NotifyAsync(new Notification("hold_expired", h.WalletAddress,
                string.Create(CultureInfo.InvariantCulture, $"held {what} for ${h.UsdValue:0.00} expired undecided after {lifetime.TotalHours:0.#} h; nothing executed"), now, h.OrganisationId), ct);
            expired.Add(h with { Status = HoldStatus.Expired, DecidedBy = actor, DecidedAt = now, Result = result });
        }

        return expired;
    }

    private async Task<Organisation> RequireOrganisationAsync(Caller caller, string action, Guid organisationId, CancellationToken ct)
    {
        var org = await identity.FindOrganisationAsync(organisationId, ct);
        if (org is null)
        {
            await audit.AppendAsync(new AuditRecord(caller.Actor, action, organisationId.ToString(), AuditOutcome.Refused, Json(new { code = Outcome.OrganisationNotFound.Code() })), ct);
            throw new DomainException(Outcome.OrganisationNotFound, $"no organisation with id {organisationId}");
        }

        return org;
    }

    private static readonly JsonSerializerOptions SnakeCase = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, SnakeCase);
}
