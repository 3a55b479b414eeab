namespace TreasuryArena.Core.Nav;

/// <summary>
/// A token's backing portfolio run forward one bar at a time (implemented over the backtest engine's
/// <c>PortfolioSimulator</c>, so live and backtest share every line of accounting).
/// </summary>
public interface IBackingPortfolio
{
    /// <summary>The last date processed.</summary>
    DateOnly Date { get; }

    /// <summary>The last date market data allows stepping to.</summary>
    DateOnly LastAvailable { get; }

    /// <summary>Steps to <paramref name="date"/> (a bar of the frame, after <see cref="Date"/>); false when the data has no bar for it.</summary>
    bool AdvanceTo(DateOnly date);

    /// <summary>Equity at <see cref="Date"/> divided by the starting capital (1 at inception), rounded to 12 decimals.</summary>
    decimal UnitValue { get; }
}
