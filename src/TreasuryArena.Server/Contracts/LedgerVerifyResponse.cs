using TreasuryArena.Core.Ledger;

namespace TreasuryArena.Server.Contracts;

/// <summary>The ledger part of the audit verification.</summary>
public sealed record LedgerVerifyResponse(bool Ok, long Entries, long ViolationCount, IReadOnlyList<string> Violations)
{
    public static LedgerVerifyResponse From(LedgerVerification v)
    {
        ArgumentNullException.ThrowIfNull(v);
        return new(v.Ok, v.Entries, v.ViolationCount, v.Violations.Take(20).Select(x => $"{x.What} at {x.Where}: {x.Detail}").ToList());
    }
}
