namespace TreasuryArena.Core.Nav;

/// <summary>The token lifecycle's quality gates and breaker (section <c>Tokens:Lifecycle</c>).</summary>
public sealed record LifecycleOptions
{
    public const string SectionName = "Tokens:Lifecycle";

    /// <summary>
    /// Days of paper track record before a proving token can be promoted (default 90: the Sharpe that decides needs
    /// <c>RatioRules.MinObservationsToDecide</c> = 90 daily returns whatever this is set to).
    /// </summary>
    public int MinProvingDays { get; init; } = 90;

    /// <summary>Lowest annualised Sharpe (over the T-bill) of the track record that promotes (default 0.5).</summary>
    public decimal MinSharpe { get; init; } = 0.5m;

    /// <summary>Deepest max drawdown of the track record that still promotes, positive fraction (default 30%).</summary>
    public decimal MaxDrawdown { get; init; } = 0.30m;

    /// <summary>Drawdown from the high-water mark that pauses buys of an active token (default 20%).</summary>
    public decimal BreakerDrawdown { get; init; } = 0.20m;
}
