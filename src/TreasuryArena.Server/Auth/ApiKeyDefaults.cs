namespace TreasuryArena.Server.Auth;

/// <summary>Names of the API-key scheme, its claims and the role policies.</summary>
public static class ApiKeyDefaults
{
    public const string Scheme = "ApiKey";
    public const string KeyIdClaim = "arena:key_id";
    public const string MemberIdClaim = "arena:member_id";
    public const string MemberNameClaim = "arena:member";
    public const string OrganisationClaim = "arena:org";
    public const string RoleClaim = "arena:role";

    public const string AdminPolicy = "admin";
    public const string TreasurerPolicy = "treasurer";
    public const string MemberPolicy = "member";
}
