namespace TreasuryArena.Core.Identity;

/// <summary>A church, trust or ministry: the owner of wallets and the subject of compliance review.</summary>
public sealed record Organisation(
    Guid Id,
    string Name,
    OrganisationType Type,
    Plan Plan,
    OrganisationStatus Status,
    DateTimeOffset CreatedAt);
