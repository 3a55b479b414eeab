using TreasuryArena.Core.Ports;

namespace TreasuryArena.Core.MarketData;

/// <summary>
/// The platform date (see <see cref="IBusinessClock"/>). <see cref="History"/>: the last date on which every tradable
/// asset of the market history (<see cref="MarketHistory.TradableAssets"/>: BTC and ETH) has a close, i.e.
/// <see cref="MarketHistory.LastCommonDate"/> (2026-02-22 on the shipped history: ETH ends there, BTC on
/// 2026-04-13), or the wall-clock date when that is earlier. <see cref="Live"/>: the wall-clock date (UTC).
/// </summary>
public sealed class BusinessClock : IBusinessClock
{
    public const string HistoryMode = "history";
    public const string LiveMode = "live";

    private readonly TimeProvider time;
    private readonly DateOnly? lastComplete;

    private BusinessClock(TimeProvider time, DateOnly? lastComplete)
    {
        this.time = time;
        this.lastComplete = lastComplete;
    }

    /// <summary>A clock on the last day with complete market data of <paramref name="history"/>.</summary>
    public static BusinessClock History(MarketHistory history, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(history);
        return History(history.LastCommonDate, time);
    }

    /// <summary>A clock on <paramref name="lastCompleteDate"/>, the last day every priced asset has a close.</summary>
    public static BusinessClock History(DateOnly lastCompleteDate, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return new BusinessClock(time, lastCompleteDate);
    }

    /// <summary>A clock on today's UTC date.</summary>
    public static BusinessClock Live(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return new BusinessClock(time, null);
    }

    /// <summary><see cref="Live"/> when <paramref name="live"/>, else <see cref="History(MarketHistory, TimeProvider)"/>.</summary>
    public static BusinessClock For(bool live, MarketHistory history, TimeProvider time) => live ? Live(time) : History(history, time);

    public string Mode => lastComplete is null ? LiveMode : HistoryMode;

    /// <summary>The last day with complete market data (history mode), null in live mode.</summary>
    public DateOnly? LastCompleteDate => lastComplete;

    public DateOnly Today
    {
        get
        {
            var wall = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
            return lastComplete is { } last && last < wall ? last : wall;
        }
    }
}
