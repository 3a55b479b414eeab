namespace TreasuryArena.Server.Tests.Fuzz;

/// <summary>Who an endpoint admits, so the generator knows which roles must be refused whatever the body.</summary>
public enum FuzzAccess
{
    /// <summary>Any authenticated caller (reads, quotes).</summary>
    Member,

    /// <summary>The organisation's treasurer (a viewer passes the policy and is refused by the use case; an admin by the policy).</summary>
    Treasurer,

    /// <summary>The platform admin only.</summary>
    Admin,
}
