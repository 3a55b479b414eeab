using TreasuryArena.Core.Treasury;

namespace TreasuryArena.Infrastructure.Reports;

/// <summary>
/// Which treasury a board report shows for an organisation: its own (registered in <see cref="ITreasuryDirectory"/>,
/// migration 0500) when it has one; else the platform treasury for the organisation named by
/// <see cref="BoardReportOptions.TreasuryOrganisation"/> (the operator's organisation that owns it); else none.
/// </summary>
public sealed class BoardTreasuries(Func<ITreasuryDirectory> directory, string? owner, TimeProvider time)
{
    public async Task<TreasuryScope?> ForAsync(Guid organisationId, string organisationName, CancellationToken ct)
    {
        var treasuries = directory();
        if (await treasuries.FindAsync(organisationId, ct) is { } account)
        {
            return treasuries.Open(account);
        }

        return owner is { Length: > 0 } && string.Equals(owner, organisationName, StringComparison.OrdinalIgnoreCase)
            ? treasuries.Open(treasuries.PlatformAccount(time.GetUtcNow()))
            : null;
    }
}
