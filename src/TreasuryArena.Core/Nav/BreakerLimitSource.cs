namespace TreasuryArena.Core.Nav;

/// <summary>Where a token's drawdown breaker limit came from.</summary>
public enum BreakerLimitSource
{
    /// <summary>The multiple × the backtested worst drawdown, within the floor and the cap.</summary>
    Backtest,

    /// <summary>The multiple × the backtested worst drawdown was below the floor: the floor applies.</summary>
    Floor,

    /// <summary>The multiple × the backtested worst drawdown was above the cap: the cap applies.</summary>
    Cap,

    /// <summary>The stored backtest is shorter than the minimum that documents a risk: the floor applies.</summary>
    ShortBacktest,

    /// <summary>No backtest was stored (no history before inception): the floor applies.</summary>
    NoBacktest,
}
