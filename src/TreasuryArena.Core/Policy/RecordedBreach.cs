namespace TreasuryArena.Core.Policy;

/// <summary>A breach found on an organisation's holdings on a business date, under a policy version (migration 0540).</summary>
public sealed record RecordedBreach(Guid OrganisationId, DateOnly AsOf, int PolicyVersion, PolicyBreach Breach);
