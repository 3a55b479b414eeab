namespace TreasuryArena.Core.Backtesting;

/// <summary>How a backtest is run: capital, costs and what to record.</summary>
public sealed record BacktestOptions
{
    /// <summary>Starting cash (USD).</summary>
    public double Capital { get; init; } = 100_000;

    /// <summary>Fee per trade in basis points of the traded notional (not charged on the yield asset).</summary>
    public double FeeBps { get; init; } = 10;

    /// <summary>Slippage in basis points: buys fill at price × (1 + s), sells at price × (1 − s) (not on the yield asset).</summary>
    public double SlippageBps { get; init; } = 5;

    /// <summary>Replaces the strategy's own rebalancing policy when set.</summary>
    public RebalancePolicy? Rebalance { get; init; }

    /// <summary>Keep the weights of every bar (turn off for sweeps and the hot path).</summary>
    public bool RecordWeights { get; init; } = true;

    /// <summary>Keep every trade (counts and costs are kept regardless).</summary>
    public bool RecordTrades { get; init; } = true;

    /// <summary>Keep every rebalancing decision (date and target weights).</summary>
    public bool RecordDecisions { get; init; }

    public void Validate()
    {
        if (!(Capital > 0) || !double.IsFinite(Capital))
        {
            throw new ArgumentOutOfRangeException(nameof(Capital), Capital, "capital must be a positive number");
        }

        if (!(FeeBps >= 0 && FeeBps < 10_000))
        {
            throw new ArgumentOutOfRangeException(nameof(FeeBps), FeeBps, "fee must be between 0 and 10000 bps");
        }

        if (!(SlippageBps >= 0 && SlippageBps < 10_000))
        {
            throw new ArgumentOutOfRangeException(nameof(SlippageBps), SlippageBps, "slippage must be between 0 and 10000 bps");
        }
    }
}
