using TreasuryArena.Core.MarketData;
using TreasuryArena.Core.Ports;

namespace TreasuryArena.Server.Http;

/// <summary>
/// The span of dates the platform has data for, which date query parameters must fall in (<see cref="QueryParams.DateInSpan"/>):
/// from the market history's first day (the earliest close of a tradable asset) to the business clock's platform date.
/// </summary>
public sealed class DataSpan(MarketHistory history, IBusinessClock clock)
{
    /// <summary>The market history's first day.</summary>
    public DateOnly First { get; } = history.Btc.Closes.First < history.Eth.Closes.First ? history.Btc.Closes.First : history.Eth.Closes.First;

    /// <summary>The platform date (read from the clock on each request: it moves).</summary>
    public DateOnly Last => clock.Today;
}
