namespace TreasuryArena.Core.Policy;

/// <summary>One stored version of an organisation's IPS: every change is a new version with its author and time. Version 0 is the platform default (never stored).</summary>
public sealed record PolicyVersion(Guid OrganisationId, int Version, InvestmentPolicy Policy, string Author, DateTimeOffset CreatedAt)
{
    /// <summary>Whether this is the platform default (the organisation has not set a policy).</summary>
    public bool IsDefault => Version == 0;
}
