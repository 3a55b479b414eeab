namespace TreasuryArena.Core.Evaluation;

/// <summary>The whole scorecard of an evaluation run.</summary>
/// <param name="Window">The evaluated dates.</param>
/// <param name="DataThrough">The last date of the market data (BTC and ETH).</param>
public sealed record EvaluationReport(
    EvaluationWindow Window,
    DateOnly DataThrough,
    string Schedule,
    decimal Capital,
    IReadOnlyList<TokenResult> Tokens,
    IReadOnlyList<WalletComparison> Wallets,
    TreasuryComparison Treasury,
    IReadOnlyList<SuccessMetric> SuccessMetrics,
    IReadOnlyList<string> Method,
    IReadOnlyList<string> NotCovered,
    double Seconds)
{
    /// <summary>When the run finished (UTC); set by the command that ran it (a library run leaves it null).</summary>
    public DateTimeOffset? RunAt { get; init; }

    /// <summary>How often the three tolerances got different targets, and their expected volatility (null: no rebalance date).</summary>
    public ToleranceTargetStats? ToleranceTargets { get; init; }
}
