namespace TreasuryArena.Core.Compliance;

/// <summary>Port: verification evidence, disclosures, attestations, held trades, the platform halt flag.</summary>
public interface IComplianceStore
{
    /// <summary>The organisation's standing for the trade rules (the daily trade count comes from the ledger).</summary>
    Task<ComplianceStanding> LoadStandingAsync(Guid organisationId, CancellationToken ct);

    Task AddVerificationAsync(VerificationEvidence evidence, CancellationToken ct);

    Task<VerificationEvidence?> FindVerificationAsync(Guid organisationId, CancellationToken ct);

    Task<bool> TryAddDisclosureAsync(RiskDisclosure disclosure, CancellationToken ct);

    Task<RiskDisclosure?> CurrentDisclosureAsync(CancellationToken ct);

    Task AddAttestationAsync(Attestation attestation, CancellationToken ct);

    Task<Attestation?> LatestAttestationAsync(Guid organisationId, CancellationToken ct);

    Task AddHoldAsync(HeldTrade hold, CancellationToken ct);

    Task<HeldTrade?> FindHoldAsync(Guid id, CancellationToken ct);

    Task<IReadOnlyList<HeldTrade>> ListHoldsAsync(HoldStatus? status, Guid? organisationId, CancellationToken ct);

    /// <summary>Moves a hold out of <see cref="HoldStatus.Held"/>; false when it was already decided (first decision wins).</summary>
    Task<bool> TryDecideHoldAsync(Guid id, HoldStatus status, string decidedBy, DateTimeOffset at, string? result, CancellationToken ct);

    Task SetHaltAsync(bool halted, string? reason, string actor, DateTimeOffset at, CancellationToken ct);

    Task<PlatformHalt> HaltStateAsync(CancellationToken ct);

    Task AddNotificationAsync(Notification notification, CancellationToken ct);

    Task<IReadOnlyList<Notification>> ListNotificationsAsync(Guid? organisationId, int limit, CancellationToken ct);
}
