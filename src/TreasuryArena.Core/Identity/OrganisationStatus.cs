namespace TreasuryArena.Core.Identity;

/// <summary>Where an organisation stands in admin review: only <see cref="Verified"/> organisations may trade.</summary>
public enum OrganisationStatus
{
    Pending,
    Verified,
    Rejected,
}
