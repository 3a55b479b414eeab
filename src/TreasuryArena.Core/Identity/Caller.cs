namespace TreasuryArena.Core.Identity;

/// <summary>Who is asking: resolved from an API key, used for access checks and as the audit actor.</summary>
public sealed record Caller(Guid KeyId, Guid MemberId, string MemberName, Guid? OrganisationId, Role Role)
{
    /// <summary>The name written into audit entries, e.g. <c>key:1b2c… (alice, treasurer)</c>.</summary>
    public string Actor => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{MemberName} ({Role.ToString().ToLowerInvariant()}, key {KeyId:N})");

    /// <summary>The operator at a shell with the database (CLI admin verbs).</summary>
    public static Caller Operator(string name) => new(Guid.Empty, Guid.Empty, name, null, Role.Admin);

    /// <summary>A scheduled job acting on its own.</summary>
    public static Caller Job(string name) => new(Guid.Empty, Guid.Empty, "job:" + name, null, Role.Admin);

    public bool CanRead(Guid organisationId) => Role == Role.Admin || OrganisationId == organisationId;

    public bool CanTrade(Guid organisationId) => Role == Role.Treasurer && OrganisationId == organisationId;
}
