using System.ComponentModel.DataAnnotations;

namespace TreasuryArena.Core.Nav;

/// <summary>
/// The token lifecycle's quality gates, drawdown breaker and automatic review (section <c>Tokens:Lifecycle</c>).
/// <para>Breaker limit of a token: <see cref="BreakerMultiple"/> × the worst drawdown of the backtest stored at issue,
/// bounded to [<see cref="BreakerFloor"/>, <see cref="BreakerCap"/>]; the floor when the token has no backtest of at
/// least <see cref="BreakerMinBacktestDays"/> days. The limit is derived once and stored with the token
/// (<see cref="BreakerLimit"/>): changing these options moves only the limits derived afterwards.</para>
/// </summary>
public sealed record LifecycleOptions
{
    public const string SectionName = "Tokens:Lifecycle";

    /// <summary>
    /// Days of paper track record before a proving token can be promoted (default 90: the Sharpe that decides needs
    /// <c>RatioRules.MinObservationsToDecide</c> = 90 daily returns whatever this is set to).
    /// </summary>
    [Range(1, 3650)]
    public int MinProvingDays { get; init; } = 90;

    /// <summary>Lowest annualised Sharpe (over the T-bill) of the track record that promotes (default 0.5).</summary>
    [Range(typeof(decimal), "-10", "10")]
    public decimal MinSharpe { get; init; } = 0.5m;

    /// <summary>
    /// Deepest max drawdown of the track record that still promotes, positive fraction. Default null: the token's own
    /// breaker limit (<see cref="BreakerLimit"/>), so a token is promoted unless its paper record has already behaved out of
    /// character. A flat 30% kept every BTC-type token proving for the whole 2019–2026 replay (a 2018 paper drawdown of
    /// 40–50% stays in the record forever), although their backtests document 77–84% drawdowns.
    /// </summary>
    [Range(typeof(decimal), "0.01", "1")]
    public decimal? MaxDrawdown { get; init; }

    /// <summary>
    /// The breaker limit as a multiple of the token's backtested worst drawdown (default 1.25: a live drawdown 25% deeper
    /// than the worst the backtest documented is out of character).
    /// </summary>
    [Range(typeof(decimal), "0.5", "5")]
    public decimal BreakerMultiple { get; init; } = 1.25m;

    /// <summary>The lowest breaker limit, positive fraction (default 20%, the former flat limit): no token is paused by a smaller fall.</summary>
    [Range(typeof(decimal), "0.01", "0.99")]
    public decimal BreakerFloor { get; init; } = 0.20m;

    /// <summary>The highest breaker limit, positive fraction (default 60%): whatever the backtest says, a 60% fall from the live peak is reviewed.</summary>
    [Range(typeof(decimal), "0.01", "0.99")]
    public decimal BreakerCap { get; init; } = 0.60m;

    /// <summary>Shortest stored backtest (days from its first to its last date) that documents a token's risk (default 365); a shorter one gives the floor.</summary>
    [Range(0, 36500)]
    public int BreakerMinBacktestDays { get; init; } = 365;

    /// <summary>
    /// Automatic review, recovery: a token paused by the breaker resumes once its NAV is back this fraction of the way
    /// from its lowest NAV since the pause (the trough) to the pause-time peak (default 0.5, half the way).
    /// </summary>
    [Range(typeof(decimal), "0", "1")]
    public decimal ResumeRecoveryFraction { get; init; } = 0.5m;

    /// <summary>
    /// Automatic review, cooling-off: a token paused by the breaker resumes once its NAV has made no new low for this
    /// many days (the drawdown has stopped deepening; default 90).
    /// </summary>
    [Range(1, 3650)]
    public int ResumeCoolingOffDays { get; init; } = 90;

    /// <summary>Throws when the bounds are inconsistent (floor above cap).</summary>
    public void Validate()
    {
        if (BreakerFloor > BreakerCap)
        {
            throw new ArgumentException($"Tokens:Lifecycle: BreakerFloor {BreakerFloor} is above BreakerCap {BreakerCap}");
        }
    }
}
