namespace TreasuryArena.Core.Identity;

/// <summary>A person (or program) of an organisation; platform admins have no organisation.</summary>
public sealed record Member(Guid Id, Guid? OrganisationId, string Name, DateTimeOffset CreatedAt);
