namespace TreasuryArena.Core.Backtesting;

/// <summary>Calendar rebalancing: trade on the first bar of each new period.</summary>
public enum RebalanceCalendar
{
    None,
    Daily,
    Weekly,
    Monthly,
    Quarterly,
}
