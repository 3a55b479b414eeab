namespace TreasuryArena.Core.Treasury;

/// <summary>
/// An organisation's treasury as registered: whose it is, the name of its ledger accounts (<c>treasury:{LedgerName}:…</c>),
/// the USD capital it was funded with, when and by whom.
/// </summary>
public sealed record TreasuryAccount(Guid OrganisationId, string LedgerName, decimal Capital, DateTimeOffset CreatedAt, string CreatedBy)
{
    /// <summary>The ledger name of a new organisation's treasury: its id without dashes (lower-case hex, a valid treasury name).</summary>
    public static string LedgerNameFor(Guid organisationId) => organisationId.ToString("N");
}
