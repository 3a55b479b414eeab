using TreasuryArena.Core.Wallets.Optimization;

namespace TreasuryArena.Core.Evaluation;

/// <summary>What an evaluation replays and how its statistics are estimated.</summary>
public sealed record EvaluationOptions
{
    /// <summary>The first evaluated date (every contender starts here with <see cref="Capital"/>).</summary>
    public required DateOnly From { get; init; }

    /// <summary>The last evaluated date (inclusive).</summary>
    public required DateOnly To { get; init; }

    /// <summary>USD each wallet contender starts with (default $100,000).</summary>
    public decimal Capital { get; init; } = 100_000m;

    public RebalanceSchedule Schedule { get; init; } = RebalanceSchedule.Weekly;

    public IReadOnlyList<EvaluationToken> Tokens { get; init; } = EvaluationToken.Library;

    /// <summary>
    /// Days the tokens are issued before <see cref="From"/> (default 91 = the optimizer's 90-day lookback plus one), so on
    /// the first evaluated date the optimizer has full trailing windows and the proving gates have had time to run.
    /// </summary>
    public int WarmupDays { get; init; } = 91;

    /// <summary>
    /// USD the holder of each token buys when the token first becomes buyable (default $10,000). The holder buys through
    /// the ledger (trade fee included) and never sells, so the token's figures include every fee an investor pays.
    /// </summary>
    public decimal HolderStake { get; init; } = 10_000m;

    /// <summary>Fewest daily returns for any statistic to be shown (default 30); fewer gives null.</summary>
    public int MinObservations { get; init; } = 30;

    /// <summary>Moving-block bootstrap of the optimizer's excess over 1/N: block length in days (default 21).</summary>
    public int BootstrapBlockDays { get; init; } = 21;

    /// <summary>Bootstrap resamples (default 2,000).</summary>
    public int BootstrapSamples { get; init; } = 2_000;

    /// <summary>The bootstrap's fixed seed, so a run is reproducible (default 17).</summary>
    public int BootstrapSeed { get; init; } = 17;

    /// <summary>The confidence level of the interval (default 95%).</summary>
    public double ConfidenceLevel { get; init; } = 0.95;

    /// <summary>Days between calendar rebalances the optimizer uses for this schedule (7 weekly, 28 monthly).</summary>
    public int CalendarDays => Schedule == RebalanceSchedule.Weekly ? 7 : 28;

    /// <summary>
    /// The production optimizer defaults with the calendar set to this evaluation's schedule and wallets rebalanced one
    /// after another: concurrent buys of one token reach the ledger in a varying order, and each buy moves the one
    /// share price by its rounding, so a parallel run is reproducible only to about a part in 10⁶. A scorecard must
    /// give the same figures every time, to the cent; the handful of evaluation wallets costs nothing in sequence.
    /// </summary>
    public WalletOptimizerOptions OptimizerOptions(WalletOptimizerOptions? defaults = null) =>
        (defaults ?? new WalletOptimizerOptions()) with { CalendarDays = CalendarDays, MaxParallelWallets = 1 };

    /// <summary>Whether <paramref name="date"/> is a rebalance date of the schedule.</summary>
    public bool IsRebalanceDate(DateOnly date) => Schedule switch
    {
        RebalanceSchedule.Weekly => (date.DayNumber - From.DayNumber) % 7 == 0,
        _ => date == From || date.Day == 1,
    };

    public void Validate()
    {
        if (To <= From)
        {
            throw new ArgumentException($"--to {To:yyyy-MM-dd} must be after --from {From:yyyy-MM-dd}");
        }

        if (Capital <= 0m || HolderStake <= 0m)
        {
            throw new ArgumentException("capital must be a positive USD amount");
        }

        if (Tokens.Count == 0)
        {
            throw new ArgumentException("an evaluation needs at least one token");
        }

        if (WarmupDays < 1 || MinObservations < 2 || BootstrapBlockDays < 1 || BootstrapSamples < 100 || ConfidenceLevel is <= 0 or >= 1)
        {
            throw new ArgumentException("warm-up, minimum observations, bootstrap block and samples must be positive (samples ≥ 100), confidence in (0, 1)");
        }
    }
}
