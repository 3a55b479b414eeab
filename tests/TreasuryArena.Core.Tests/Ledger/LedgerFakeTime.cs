namespace TreasuryArena.Core.Tests.Ledger;

/// <summary>A settable clock for ledger tests (the testing package is not available here).</summary>
internal sealed class LedgerFakeTime(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset now = start;

    public LedgerFakeTime()
        : this(new DateTimeOffset(2026, 1, 5, 12, 0, 0, TimeSpan.Zero))
    {
    }

    public override DateTimeOffset GetUtcNow() => now;

    public void Advance(TimeSpan by) => now += by;
}
