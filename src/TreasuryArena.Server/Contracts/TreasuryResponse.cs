using TreasuryArena.Core.Treasury;

namespace TreasuryArena.Server.Contracts;

/// <summary>An organisation's treasury as registered (<c>POST /api/treasury</c>).</summary>
public sealed record TreasuryResponse(Guid OrganisationId, string LedgerName, decimal Capital, DateTimeOffset CreatedAt)
{
    public static TreasuryResponse From(TreasuryAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return new TreasuryResponse(account.OrganisationId, account.LedgerName, account.Capital, account.CreatedAt);
    }
}
