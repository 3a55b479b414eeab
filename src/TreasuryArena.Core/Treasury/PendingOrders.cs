using TreasuryArena.Core.Advice;

namespace TreasuryArena.Core.Treasury;

/// <summary>
/// Orders decided on <see cref="DecidedOn"/>'s close and queued for the next bar: they fill at the close of the first
/// day after it (<see cref="FillOn"/>), on the next run. <see cref="JournalId"/> is the decision that approved them (its
/// journal entry gets the fills).
/// </summary>
public sealed record PendingOrders(DateOnly DecidedOn, long JournalId, IReadOnlyList<TradeOrder> Orders)
{
    /// <summary>The bar the orders fill at: the day after the decision.</summary>
    public DateOnly FillOn => DecidedOn.AddDays(1);
}
