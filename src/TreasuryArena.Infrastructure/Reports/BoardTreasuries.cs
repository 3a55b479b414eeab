using TreasuryArena.Infrastructure.Advice;

namespace TreasuryArena.Infrastructure.Reports;

/// <summary>
/// Which treasury a board report shows for an organisation. Today there is one platform treasury, shown only in the
/// report of the organisation named by <see cref="BoardReportOptions.TreasuryOrganisation"/>; with a treasury per
/// organisation, <see cref="For"/> becomes that organisation's treasury (the one line to change).
/// </summary>
public sealed class BoardTreasuries(Func<TreasuryRuntime> platform, string? owner)
{
    public TreasuryRuntime? For(string organisationName) =>
        owner is { Length: > 0 } && string.Equals(owner, organisationName, StringComparison.OrdinalIgnoreCase) ? platform() : null;
}
