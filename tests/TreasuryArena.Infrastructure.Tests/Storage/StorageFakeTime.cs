namespace TreasuryArena.Infrastructure.Tests.Storage;

/// <summary>A fixed clock with sub-microsecond ticks, to prove instants are truncated consistently.</summary>
internal sealed class StorageFakeTime : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => new DateTimeOffset(2026, 2, 3, 4, 5, 6, TimeSpan.Zero).AddTicks(1234567);
}
