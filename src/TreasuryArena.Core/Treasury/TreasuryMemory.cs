using TreasuryArena.Core.Intelligence;

namespace TreasuryArena.Core.Treasury;

/// <summary>
/// What the treasury remembers between runs besides its holdings: the MVRV ladder (rungs sold, since when) and the
/// orders queued for the next bar. Kept with the treasury state (<see cref="ITreasuryStateStore"/>), one row, so every
/// process sees the same ladder.
/// </summary>
public sealed record TreasuryMemory(LadderState Ladder, PendingOrders? Pending)
{
    public static TreasuryMemory Empty { get; } = new(LadderState.Empty, null);
}
