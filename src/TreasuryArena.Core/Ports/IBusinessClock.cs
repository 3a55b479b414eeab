namespace TreasuryArena.Core.Ports;

/// <summary>
/// The platform's business calendar: the date the platform values things at. In history mode it is the last day with
/// complete market data (every asset the platform prices has a close), never after the wall-clock date; in live mode it
/// is today (UTC). NAV steps, fee accruals and reports never pass it, and ledger entries that are not priced at a
/// token's NAV (deposits, withdrawals, wallet creation, treasury operations) carry it as their valuation date.
/// </summary>
public interface IBusinessClock
{
    /// <summary>The platform date.</summary>
    DateOnly Today { get; }

    /// <summary><c>history</c> or <c>live</c> (or <c>replay</c> for a clock a replay advances).</summary>
    string Mode { get; }
}
