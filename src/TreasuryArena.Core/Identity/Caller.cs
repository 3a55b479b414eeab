namespace TreasuryArena.Core.Identity;

/// <summary>Who is asking: resolved from an API key, used for access checks and as the audit actor.</summary>
public sealed record Caller(Guid KeyId, Guid MemberId, string MemberName, Guid? OrganisationId, Role Role)
{
    /// <summary>
    /// The name written into audit entries and stored records, e.g. <c>member-3f2a9c01b7de (treasurer, key 1b2c…)</c>:
    /// a member is named by their pseudonymous id (<see cref="Member.PseudonymOf"/>), never by their name, so erasing
    /// the name (the members table's mapping) leaves the hash chain verifiable and the name gone. The operator and jobs
    /// (no member id) keep their given name.
    /// </summary>
    public string Actor => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{ActorName} ({Role.ToString().ToLowerInvariant()}, key {KeyId:N})");

    /// <summary>The pseudonym of a member, or the operator's or job's name.</summary>
    public string ActorName => MemberId == Guid.Empty ? MemberName : Member.PseudonymOf(MemberId);

    /// <summary>The operator at a shell with the database (CLI admin verbs).</summary>
    public static Caller Operator(string name) => new(Guid.Empty, Guid.Empty, name, null, Role.Admin);

    /// <summary>A scheduled job acting on its own.</summary>
    public static Caller Job(string name) => new(Guid.Empty, Guid.Empty, "job:" + name, null, Role.Admin);

    public bool CanRead(Guid organisationId) => Role == Role.Admin || OrganisationId == organisationId;

    public bool CanTrade(Guid organisationId) => Role == Role.Treasurer && OrganisationId == organisationId;
}
